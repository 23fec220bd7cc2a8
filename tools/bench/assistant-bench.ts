/**
 * The photo assistant in Debian's Chromium on the built driver portal (built API, fresh SQLite,
 * demo data): a 12 Mpx phone photo (3024 × 4032, 72 DPI, ~2.4 MB) chosen → the editor shows it;
 * « Valider le cadrage » → the JPEG is ready (the upload request leaves). Each is measured
 * --runs times (5 by default) with Lighthouse's mobile CPU throttling (4×) and, as the baseline
 * of the same run, without throttling; the median is reported.
 *
 *   npx nx run-many -t build -p api chauffeur   (first)
 *   npx tsx --tsconfig tsconfig.base.json tools/bench/assistant-bench.ts [--runs 5] [--write-doc]
 *
 * Timed from Node around Playwright's actions (a few ms of protocol round trips included).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startBuiltApi } from '../../apps/api/src/testing/built-api';
import { CHROMIUM_ARGS, CHROMIUM_PATH, samplePhonePhoto } from '@t3p/e2e-kit';
import { driverSession } from './driver-session';

const ROOT = resolve(__dirname, '../..');
const DRIVER = 'thomas.caron@demo.t3p.example';
const HEADING = '## Photo assistant — driver portal';
const runsIndex = process.argv.indexOf('--runs');
const RUNS = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/apps/api/main.js')) || !existsSync(join(ROOT, 'dist/apps/chauffeur/browser/index.html'))) {
    throw new Error('Build first: npx nx run-many -t build -p api chauffeur');
  }
  const photo = await samplePhonePhoto();
  const api = await startBuiltApi({
    ...process.env,
    NODE_ENV: 'development',
    SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 't3p-assistant-bench-')), 't3p.sqlite'),
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    OUTBOX_POLL_SECONDS: '1',
    STATIC_DIR: join(ROOT, 'dist/apps'),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const results: { throttle: number; open: number[]; ready: number[] }[] = [];
  try {
    const { cookie } = await driverSession(api.url, DRIVER);
    const [name, value] = cookie.split('=');
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
    await context.addCookies([{ name, value, url: api.url }]);
    const page = await context.newPage();
    await page.goto(`${api.url}/demande/photo`);
    await page.getByRole('heading', { name: /Ce que doit respecter/ }).waitFor();
    const cdp = await context.newCDPSession(page);
    for (const throttle of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      const row = { throttle, open: [] as number[], ready: [] as number[] };
      for (let run = 0; run < RUNS; run++) {
        const t0 = performance.now();
        await page.locator('input[type=file][id^="fichier-"]').setInputFiles({ name: photo.file, mimeType: photo.mimeType, buffer: photo.bytes });
        // Shown: the frame's canvas has been drawn (its size set from the layout).
        await page.waitForFunction(() => {
          const canvas = document.querySelector('[data-testid="photo-frame"] canvas') as HTMLCanvasElement | null;
          return !!canvas && canvas.width > 300;
        }, undefined, { polling: 'raf', timeout: 60_000 });
        const t1 = performance.now();
        const upload = page.waitForRequest((r) => r.method() === 'PUT' && r.url().includes('/api/driver/request/images/photo'), { timeout: 60_000 });
        const t2 = performance.now();
        await page.getByRole('button', { name: 'Valider le cadrage' }).click();
        await upload;
        const t3 = performance.now();
        row.open.push(t1 - t0);
        row.ready.push(t3 - t2);
        await page.locator('#resultat-depot').getByText('Fichier accepté').waitFor({ timeout: 60_000 });
      }
      results.push(row);
      console.log(`CPU ×${throttle}: editor shown ${row.open.map((v) => v.toFixed(0)).join(', ')} ms (median ${median(row.open).toFixed(0)}); JPEG ready ${row.ready.map((v) => v.toFixed(0)).join(', ')} ms (median ${median(row.ready).toFixed(0)})`);
    }
  } finally {
    await browser.close();
    await api.stop();
  }
  if (process.argv.includes('--write-doc')) {
    const table = [
      HEADING,
      '',
      '`npx tsx --tsconfig tsconfig.base.json tools/bench/assistant-bench.ts --write-doc` (after building api and chauffeur).',
      `Debian's Chromium, headless, 412 × 823 px at 1.75×; a 12 Mpx phone photo (3024 × 4032, 72 DPI, ${(photo.bytes.length / 1e6).toFixed(1)} MB); ${RUNS} runs each, median. Target: under 1.5 s at 4×.`,
      '',
      '| CPU | photo chosen → editor shown (median) | runs (ms) | « Valider le cadrage » → JPEG ready (median) | runs (ms) |',
      '|---|---|---|---|---|',
      ...results.map((r) => `| ${r.throttle === 1 ? 'no throttling (baseline)' : `${r.throttle}× slower (Lighthouse mobile)`} | ${median(r.open).toFixed(0)} ms | ${r.open.map((v) => v.toFixed(0)).join(', ')} | ${median(r.ready).toFixed(0)} ms | ${r.ready.map((v) => v.toFixed(0)).join(', ')} |`),
      '',
      'Measured on the shared 2-core machine while other builds ran; "JPEG ready" includes the quality search (one encode when the top quality fits, as it does for this photo) and the JFIF rewrite.',
      '',
      'Reading: « Valider le cadrage » → JPEG ready is well under target. Photo chosen → editor shown is **over the 1.5 s target at 4×** (about 2.5 s; 0.7–0.8 s unthrottled). Not yet broken down: the figure includes handing the 2.4 MB file to the page over the DevTools protocol, reading its header, the decode with resize (`createImageBitmap`), loading the editor\'s lazy chunk on the first run, and the first draw. A decode size of 2000 instead of 2560 px on the longer side made no difference within the noise.',
      '',
    ].join('\n');
    const path = join(ROOT, 'docs/benchmarks.md');
    const doc = readFileSync(path, 'utf8');
    const start = doc.indexOf(HEADING);
    const next = start >= 0 ? doc.indexOf('\n## ', start + HEADING.length) : -1;
    writeFileSync(path, start < 0 ? `${doc.trimEnd()}\n\n${table}` : `${doc.slice(0, start)}${table}${next >= 0 ? doc.slice(next + 1) : ''}`);
  }
  const slow = results.find((r) => r.throttle === 4 && (median(r.open) > 1500 || median(r.ready) > 1500));
  if (slow) {
    console.error('Over target (1.5 s at 4× CPU throttling).');
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
