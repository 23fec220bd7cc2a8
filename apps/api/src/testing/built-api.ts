import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from './free-port';

const ROOT = resolve(__dirname, '../../../..');
export const API_BUNDLE = resolve(ROOT, 'dist/apps/api/main.js');

export interface BuiltApi {
  /** e.g. http://127.0.0.1:41234 (also its PUBLIC_URL unless `publicUrl` is given) */
  url: string;
  child: ChildProcess;
  /** SIGTERM, then SIGKILL after 15 s; resolves once the process has exited. */
  stop(): Promise<void>;
}

/**
 * `node dist/apps/api/main.js` — the production bundle, as an operator runs it — on a free port
 * of 127.0.0.1, resolved once /api/health answers, for the tests and benches that need a real
 * separate process. `environment` is the whole environment of the process (pass `process.env`
 * in it to inherit); PORT, HOST and PUBLIC_URL (its own address, or `publicUrl`: the entry point
 * that several processes share) are set here. Its stderr is forwarded; its stdout
 * (the JSON log lines) goes to `onLogLine` from the first line, else is ignored. `nodeArgs` go
 * before the bundle (e.g. `--cpu-prof`).
 */
export async function startBuiltApi(
  environment: NodeJS.ProcessEnv,
  options: {
    onLogLine?: (line: string) => void;
    timeoutMs?: number;
    nodeArgs?: string[];
    publicUrl?: string;
  } = {},
): Promise<BuiltApi> {
  if (!existsSync(API_BUNDLE))
    throw new Error(
      `${API_BUNDLE} is missing: build the API first (npx nx build api; npm test does it).`,
    );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), API_BUNDLE], {
    cwd: ROOT,
    stdio: ['ignore', options.onLogLine ? 'pipe' : 'ignore', 'pipe'],
    env: {
      ...environment,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: options.publicUrl ?? url,
    },
  });
  const { onLogLine } = options;
  if (onLogLine) {
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(onLogLine);
    });
  }
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
    process.stderr.write(chunk);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`API process exited (${child.exitCode}): ${errors}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  child.kill('SIGKILL');
  throw new Error(
    `API process did not answer in ${Math.round((options.timeoutMs ?? 60_000) / 1000)} s: ${errors}`,
  );
}
