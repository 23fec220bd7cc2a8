/**
 * Renders every email (those of the lifecycle, the rejection and the sign-in link) (and their plain-text parts) with sample facts and takes a
 * screenshot of each HTML part in Chromium, as a mail client's reading pane would show it:
 *
 *   npx tsx --tsconfig tsconfig.base.json tools/emails/screenshot-emails.ts [out-dir]
 *
 * Writes docs/emails/<name>.png and docs/emails/<name>.txt. Uses Debian's /usr/bin/chromium
 * (CHROMIUM_PATH overrides it).
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { SAMPLE_EMAILS } from '../../apps/api/src/notifications/templates/sample-emails';

async function main() {
  const out = resolve(process.argv[2] ?? 'docs/emails');
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 720, height: 900 },
      javaScriptEnabled: false,
    });
    // Nothing is fetched from the network, as in a mail client that blocks remote content.
    await page.route('**/*', (route) => route.abort());
    for (const [name, email] of Object.entries(SAMPLE_EMAILS)) {
      // A reading pane: the subject above, the message below.
      const subject = email.subject.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const bar = `<div style="font:bold 15px Arial,sans-serif;padding:10px 16px;background:#e8e8e8;border-bottom:1px solid #ccc">Objet : ${subject}</div>`;
      await page.setContent(email.html.replace(/(<body[^>]*>)/, `$1${bar}`), { waitUntil: 'load' });
      await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
      writeFileSync(join(out, `${name}.txt`), `Objet : ${email.subject}\n\n${email.text}`);
      console.log(`${name}.png  ${email.subject}`);
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  void main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
