#!/usr/bin/env node
// `npm test`: the whole suite, from scratch (no Nx cache), in the order a failure is cheapest:
// lint, build (the API serves the built fronts in tests), every project's tests, then the
// browser suites.
// The database is the embedded SQLite unless DATABASE_URL points at a PostgreSQL server; each
// test file then makes its own fresh database on that server.
import { spawnSync } from 'node:child_process';

// Redocly: no usage report, no update check (the lint runs offline).
const env = {
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  ...process.env,
};
/**
 * nx's own flags go before `--`; what follows it is passed to the tool (eslint, jest).
 * @param {string[]} args
 * @param {string[]} [toolArgs]
 * @returns {[string, string[]]}
 */
const nx = (args, toolArgs = []) => [
  'npx',
  [
    'nx',
    ...args,
    '--outputStyle=static',
    '--skip-nx-cache',
    ...(toolArgs.length ? ['--', ...toolArgs] : []),
  ],
];

const FRONTS = ['dist/apps/chauffeur/browser', 'dist/apps/prefecture/browser'];

/** @type {[string, [string, string[]]][]} */
const phases = [
  ['lint', nx(['run-many', '-t', 'lint'], ['--max-warnings=0'])],
  // Every file as Prettier writes it (.prettierrc; prose in Markdown is left as written).
  ['format', ['npx', ['prettier', '--check', '.']]],
  // tsc on what the builds do not compile: every spec, the browser suites, tools/.
  ['typecheck', nx(['run-many', '-t', 'typecheck'])],
  // The committed OpenAPI document against Redocly's recommended rules (redocly.yaml); that it
  // matches the code is checked by the API's tests, that the client matches it by api-client's.
  ['openapi', ['npx', ['redocly', 'lint', '--config', 'redocly.yaml']]],
  ['build', nx(['run-many', '-t', 'build', '-p', 'api', 'chauffeur', 'prefecture'])],
  // Brotli/gzip copies of the fronts' files, served by the API as the browsers accept them.
  ['compress', ['node', ['tools/check-bundle/precompress.mjs', ...FRONTS]]],
  // The driver portal's initial JavaScript must stay under 150 KB gzip.
  [
    'budget',
    ['node', ['tools/check-bundle/initial-js-gzip.mjs', 'dist/apps/chauffeur/browser', '150']],
  ],
  ['tests', nx(['run-many', '-t', 'test', '--parallel=1'], ['--ci'])],
  // Playwright in Debian's Chromium against the built fronts served by the real API.
  ['browser', nx(['run-many', '-t', 'e2e', '--parallel=1'])],
];

// T3P_TEST_PHASES=tests,browser runs only those phases (CI's second pass, on PostgreSQL, skips
// lint and build: they do not depend on the database).
const only = process.env.T3P_TEST_PHASES?.split(',').map((phase) => phase.trim());
const selected = only ? phases.filter(([name]) => only.includes(name)) : phases;
if (only && selected.length === 0) {
  console.error(
    `T3P_TEST_PHASES names no phase (known: ${phases.map(([name]) => name).join(', ')}).`,
  );
  process.exit(2);
}

const engine = /^postgres/.test(process.env.DATABASE_URL ?? '') ? 'PostgreSQL' : 'SQLite';
console.log(`\n=== T3P Images test suite (database: ${engine}) ===\n`);
let failed = 0;
let passed = 0;
for (const [name, [command, args]] of selected) {
  console.log(`\n--- ${name} ---`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status === 0) {
    passed += 1;
  } else {
    failed += 1;
    console.error(`\nPhase "${name}" failed (exit ${result.status}).`);
    break;
  }
}
console.log(`\nphases: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
