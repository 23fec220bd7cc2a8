import { defineConfig } from '@playwright/test';
import { chromiumAvailable, chromiumLaunchOptions } from './chromium';
import { apiWebServer } from './server';

/**
 * The Playwright configuration of a front's browser suite: the real front, served by the real
 * API (its own SQLite file and demo data), in Debian's Chromium, at 360 and 1280 px.
 */
export function frontSuiteConfig(options: {
  app: 'chauffeur' | 'prefecture';
  port: number;
  /** Where the front is served: '/' or '/prefecture/'. */
  basePath: string;
  /** Extra settings of the API for this suite. */
  apiEnv?: Record<string, string>;
}) {
  // T3P_E2E_PORT_OFFSET moves the suite's server, so that two checkouts can run it at once.
  const port = options.port + Number(process.env['T3P_E2E_PORT_OFFSET'] ?? 0);
  const server = apiWebServer(port);
  const available = chromiumAvailable();
  return defineConfig({
    testDir: './src',
    fullyParallel: false,
    workers: 1,
    retries: 0,
    timeout: 60_000,
    forbidOnly: process.env['CI'] === 'true',
    reporter: [['list']],
    outputDir: `../../tmp/${options.app}-e2e-results`,
    use: {
      baseURL: `http://127.0.0.1:${port}${options.basePath}`,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      launchOptions: chromiumLaunchOptions,
      trace: 'off',
    },
    projects: available
      ? [
          { name: 'mobile-360', use: { viewport: { width: 360, height: 780 } } },
          { name: 'desktop-1280', use: { viewport: { width: 1280, height: 900 } } },
        ]
      : [],
    webServer: available ? { ...server, env: { ...server.env, ...options.apiEnv } } : undefined,
  });
}
