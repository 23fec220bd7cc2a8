import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { SAMPLE_EMAILS } from './sample-emails';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present && process.env['CI'] === 'true')
  throw new Error(`Chromium is required under CI=true but ${CHROMIUM} is missing`);
if (!present) console.warn(`Chromium not found at ${CHROMIUM}: the email width test is skipped.`);
const describeInChromium = present ? describe : describe.skip;

/** Every HTML email, as a phone's mail client shows it: nothing wider than a 360 px screen. */
describeInChromium('HTML emails on a 360 px screen (Debian’s Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  });
  afterAll(() => browser?.close());

  it.each(Object.keys(SAMPLE_EMAILS))('%s fits in 360 px', async (name) => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.route('**/*', (route) => route.abort());
    await page.setContent(SAMPLE_EMAILS[name].html, { waitUntil: 'load' });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.close();
    expect(width).toBeLessThanOrEqual(360);
  });
});
