import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

/**
 * The real API (production build, serving both built fronts) on a fresh SQLite file with the
 * demo data, for Playwright's `webServer`. Emails stay in the dev mailbox (no SMTP_URL).
 */
export function apiWebServer(port: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 't3p-e2e-'));
  return {
    command: 'node dist/apps/api/main.js',
    cwd: WORKSPACE_ROOT,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      NODE_ENV: 'development',
      // Always its own SQLite file, even when the suite runs with DATABASE_URL set.
      DATABASE_URL: '',
      SMTP_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SQLITE_PATH: join(dataDir, 't3p.sqlite'),
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      OUTBOX_POLL_SECONDS: '1',
      STATIC_DIR: join(WORKSPACE_ROOT, 'dist/apps'),
    },
  };
}
