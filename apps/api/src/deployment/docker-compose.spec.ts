import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');
const hasDockerCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

describe('docker/docker-compose.yml', () => {
  if (!hasDockerCompose && process.env['CI'] === 'true') {
    it('can be validated (docker-compose is installed by .ci/run)', () => {
      throw new Error('docker-compose is required under CI=true: apt-get install -y docker-compose');
    });
    return;
  }
  (hasDockerCompose ? it : it.skip)('is valid for docker-compose, with PostgreSQL, an SMTP catcher, two API replicas and health checks', () => {
    const output = execFileSync('docker-compose', ['-f', join(root, 'docker/docker-compose.yml'), 'config'], {
      encoding: 'utf8',
      env: { ...process.env, T3P_AUTH_SECRET: 'x'.repeat(40) },
    });
    for (const service of ['postgres:', 'mailpit:', 'api-1:', 'api-2:', 'proxy:']) expect(output).toContain(service);
    expect(output.match(/healthcheck:/g)?.length).toBeGreaterThanOrEqual(5);
    expect(output.match(/AUTH_SECRET: x{40}/g)?.length).toBe(2);
  });

  (hasDockerCompose ? it : it.skip)('refuses to start without the secret that signs the sign-in links', () => {
    const env = { ...process.env };
    delete env['T3P_AUTH_SECRET'];
    const result = spawnSync('docker-compose', ['-f', join(root, 'docker/docker-compose.yml'), 'config'], { encoding: 'utf8', env });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('T3P_AUTH_SECRET');
  });
});
