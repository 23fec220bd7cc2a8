import { defineConfig } from '@playwright/test';
import { apiWebServer, chromiumAvailable, chromiumLaunchOptions } from '@t3p/e2e-kit';

const port = 4320;
const base = apiWebServer(port);
// Both widths sign the same agents in, several times, from one address: room for the whole suite.
const server = { ...base, env: { ...base.env, SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000', SIGN_IN_LINKS_PER_HOUR: '100' } };

/** Drives the real prefecture front, served by the real API, in Debian's Chromium. */
export default defineConfig({
  testDir: './src',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  forbidOnly: process.env['CI'] === 'true',
  reporter: [['list']],
  outputDir: '../../tmp/prefecture-e2e-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/prefecture/`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    launchOptions: chromiumLaunchOptions,
    trace: 'off',
  },
  projects: chromiumAvailable()
    ? [
        { name: 'mobile-360', use: { viewport: { width: 360, height: 780 } } },
        { name: 'desktop-1280', use: { viewport: { width: 1280, height: 900 } } },
      ]
    : [],
  webServer: chromiumAvailable() ? server : undefined,
});
