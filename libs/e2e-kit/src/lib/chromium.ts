import { existsSync } from 'node:fs';

/** Debian's Chromium: the browser tests never download one. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/**
 * Whether the browser tests can run. Under CI=true a missing Chromium is a failure
 * (`.ci/run` installs it); elsewhere the suites are skipped with a warning.
 */
export function chromiumAvailable(): boolean {
  const available = existsSync(CHROMIUM_PATH);
  if (!available && process.env['CI'] === 'true') {
    throw new Error(
      `Chromium is required under CI=true but ${CHROMIUM_PATH} is missing: apt-get install -y chromium`,
    );
  }
  if (!available)
    console.warn(`Chromium not found at ${CHROMIUM_PATH}: the browser tests are skipped.`);
  return available;
}

export const chromiumLaunchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };
