#!/usr/bin/env node
// `npm start`: builds the API and both fronts, then serves everything on one port with the
// embedded defaults (SQLite file under data/, demo data in an empty database, dev mailbox).
import { spawn, spawnSync } from 'node:child_process';

const env = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...process.env };
const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '-p', 'api', 'chauffeur', 'prefecture', '--outputStyle=static'],
  { stdio: 'inherit', env },
);
if (build.status !== 0) process.exit(build.status ?? 1);
spawnSync(
  process.execPath,
  [
    'tools/check-bundle/precompress.mjs',
    'dist/apps/chauffeur/browser',
    'dist/apps/prefecture/browser',
  ],
  {
    stdio: 'inherit',
  },
);

const server = spawn(process.execPath, ['dist/apps/api/main.js'], {
  stdio: 'inherit',
  env: { NODE_ENV: 'development', DEMO_DATA: 'true', ...env },
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
  process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
