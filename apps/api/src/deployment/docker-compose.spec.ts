import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');
/** The PROCESS_ROLE of one service in the output of `docker-compose config` (services sorted, two-space indented). */
const roleOf = (config: string, service: string) =>
  new RegExp(`\\n  ${service}:\\n(?:    .*\\n|      .*\\n)*?      PROCESS_ROLE: (\\w+)`).exec(
    config,
  )?.[1];

const hasDockerCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

describe('docker/docker-compose.yml', () => {
  if (!hasDockerCompose && process.env['CI'] === 'true') {
    it('can be validated (docker-compose is installed by .ci/run)', () => {
      throw new Error(
        'docker-compose is required under CI=true: apt-get install -y docker-compose',
      );
    });
    return;
  }
  (hasDockerCompose ? it : it.skip)(
    'is valid for docker-compose, with PostgreSQL, an SMTP catcher, two web replicas, one worker and health checks',
    () => {
      const output = execFileSync(
        'docker-compose',
        ['-f', join(root, 'docker/docker-compose.yml'), 'config'],
        {
          encoding: 'utf8',
          env: { ...process.env, T3P_AUTH_SECRET: 'x'.repeat(40) },
        },
      );
      for (const service of ['postgres:', 'mailpit:', 'api-1:', 'api-2:', 'worker:', 'proxy:'])
        expect(output).toContain(`\n  ${service}`);
      expect(output.match(/healthcheck:/g)?.length).toBeGreaterThanOrEqual(6);
      expect(output.match(/AUTH_SECRET: x{40}/g)?.length).toBe(3);
      expect(roleOf(output, 'api-1')).toBe('web');
      expect(roleOf(output, 'api-2')).toBe('web');
      expect(roleOf(output, 'worker')).toBe('worker');
      // Only the web replicas are behind the entry point; the worker serves no route but its health.
      const nginx = readFileSync(join(root, 'docker/nginx.conf'), 'utf8');
      expect(nginx).toMatch(/server api-1:3000;/);
      expect(nginx).toMatch(/server api-2:3000;/);
      expect(nginx).not.toMatch(/worker/);
    },
  );

  (hasDockerCompose ? it : it.skip)(
    'refuses to start without the secret that signs the sign-in links',
    () => {
      const env = { ...process.env };
      delete env['T3P_AUTH_SECRET'];
      const result = spawnSync(
        'docker-compose',
        ['-f', join(root, 'docker/docker-compose.yml'), 'config'],
        { encoding: 'utf8', env },
      );
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('T3P_AUTH_SECRET');
    },
  );
});
