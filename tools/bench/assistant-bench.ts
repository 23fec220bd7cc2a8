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
 * "Photo chosen → editor shown" is timed in the page, from the file input's change event (the
 * portal's User Timing mark) to the animation frame after the editor's first draw, the file handed
 * by its path as a file picker does (no copy of its bytes through the page's JavaScript). The
 * portal's marks break it down (header read, display decode, first draw); a probe of the same
 * run times the browser's decode of the photo alone (full size, with EXIF orientation, resampled
 * to the working size and to the display size). "JPEG ready" is timed from Node around the click.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startBuiltApi } from '../../apps/api/src/testing/built-api';
import { CHROMIUM_ARGS, CHROMIUM_PATH, samplePhonePhoto } from '@t3p/e2e-kit';
import { ASSISTANT_MARKS } from '@t3p/image-assistant/marks';
import { driverSession } from './driver-session';

const ROOT = resolve(__dirname, '../..');
const DRIVER = 'thomas.caron@demo.t3p.example';
const HEADING = '## Photo assistant — driver portal';
const runsIndex = process.argv.indexOf('--runs');
const RUNS = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 5;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** The portal's User Timing marks. */
const MARKS = ASSISTANT_MARKS;
/** The breakdown's phases, each from the mark before it. */
const PHASES = [
  [
    'route',
    'picked → editor created (header sniffed, routed, editor chunk, Angular)',
    MARKS.editorStarted,
  ],
  ['header', 'header read (size, EXIF orientation)', MARKS.headerRead],
  [
    'display',
    'display-size decode (EXIF orientation applied, resampled while decoding)',
    MARKS.displayDecoded,
  ],
  ['draw', 'first draw of the frame', MARKS.firstDraw],
  ['paint', 'to the next animation frame (painted)', 'shown'],
] as const;
type Row = {
  throttle: number;
  load: string;
  open: number[];
  ready: number[];
  phases: Record<string, number[]>;
  working: number[];
  probe: Record<string, number[]>;
};
const PROBES = [
  'full size',
  'full size + EXIF orientation',
  'resampled to 2000 px + EXIF',
  'resampled to 770 px + EXIF',
] as const;

async function main(): Promise<void> {
  if (
    !existsSync(join(ROOT, 'dist/apps/api/main.js')) ||
    !existsSync(join(ROOT, 'dist/apps/chauffeur/browser/index.html'))
  ) {
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
  const results: Row[] = [];
  const photoPath = join(mkdtempSync(join(tmpdir(), 't3p-assistant-photo-')), photo.file);
  writeFileSync(photoPath, photo.bytes);
  try {
    const { cookie } = await driverSession(api.url, DRIVER);
    const [name, value] = cookie.split('=');
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
    });
    await context.addCookies([{ name, value, url: api.url }]);
    const page = await context.newPage();
    await page.route('**/bench-photo.jpg', (route) =>
      route.fulfill({ body: photo.bytes, contentType: 'image/jpeg' }),
    );
    await page.goto(`${api.url}/demande/photo`);
    await page.getByRole('heading', { name: /Ce que doit respecter/ }).waitFor();
    const cdp = await context.newCDPSession(page);
    for (const throttle of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      const row: Row = {
        throttle,
        load: '',
        open: [],
        ready: [],
        phases: Object.fromEntries(PHASES.map(([key]) => [key, []])),
        working: [],
        probe: Object.fromEntries(PROBES.map((p) => [p, []])),
      };
      const loadBefore = loadavg()[0];
      for (let run = 0; run < RUNS; run++) {
        await page.evaluate(() => performance.clearMarks());
        await page.locator('input[type=file][id^="fichier-"]').setInputFiles(photoPath);
        // Shown: the animation frame after the frame's canvas was drawn (its size set from the layout).
        const shownAt = await (
          await page.waitForFunction(
            () => {
              const canvas = document.querySelector(
                '[data-testid="photo-frame"] canvas',
              ) as HTMLCanvasElement | null;
              return !!canvas && canvas.width > 300 && performance.now();
            },
            undefined,
            { polling: 'raf', timeout: 60_000 },
          )
        ).jsonValue();
        const marks = await page.evaluate(() =>
          Object.fromEntries(
            performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
          ),
        );
        const at: Record<string, number> = { ...marks, shown: Number(shownAt) };
        row.open.push(at.shown - at[MARKS.chosen]);
        let before = at[MARKS.chosen];
        for (const [key, , mark] of PHASES) {
          row.phases[key].push(at[mark] - before);
          before = at[mark];
        }
        const upload = page.waitForRequest(
          (r) => r.method() === 'PUT' && r.url().includes('/api/driver/request/images/photo'),
          { timeout: 60_000 },
        );
        const t2 = performance.now();
        await page.getByRole('button', { name: 'Valider le cadrage' }).click();
        await upload;
        const t3 = performance.now();
        row.ready.push(t3 - t2);
        const working = await page.evaluate(
          (names) =>
            performance.getEntriesByName(names.workingDecoded)[0].startTime -
            performance.getEntriesByName(names.chosen)[0].startTime,
          MARKS,
        );
        row.working.push(working);
        await page
          .locator('#resultat-depot')
          .getByText('Fichier accepté')
          .waitFor({ timeout: 60_000 });
      }
      // The browser's decode alone, on the same photo, at this throttling.
      for (let run = 0; run < RUNS; run++) {
        // A string: tsx would wrap named inner functions in a helper the page does not have.
        const probe = (await page.evaluate(`(async () => {
          const blob = await (await fetch('/bench-photo.jpg')).blob();
          const took = [];
          for (const options of [
            { imageOrientation: 'none' },
            { imageOrientation: 'from-image' },
            { imageOrientation: 'from-image', resizeWidth: 1500, resizeHeight: 2000, resizeQuality: 'high' },
            { imageOrientation: 'from-image', resizeWidth: 578, resizeHeight: 770, resizeQuality: 'high' },
          ]) {
            const t = performance.now();
            const bitmap = await createImageBitmap(blob, options);
            took.push(performance.now() - t);
            bitmap.close();
          }
          return took;
        })()`)) as number[];
        PROBES.forEach((p, i) => row.probe[p].push(probe[i]));
      }
      row.load = `${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)}`;
      results.push(row);
      const phases = PHASES.map(([key]) => `${key} ${median(row.phases[key]).toFixed(0)}`).join(
        ', ',
      );
      const probes = PROBES.map((p) => `${p} ${median(row.probe[p]).toFixed(0)}`).join(', ');
      console.log(
        `CPU ×${throttle} (load ${row.load}): editor shown ${row.open.map((v) => v.toFixed(0)).join(', ')} ms (median ${median(row.open).toFixed(0)}; ${phases}; working picture ready ${median(row.working).toFixed(0)}); JPEG ready ${row.ready.map((v) => v.toFixed(0)).join(', ')} ms (median ${median(row.ready).toFixed(0)}); decode alone: ${probes}`,
      );
    }
  } finally {
    await browser.close();
    await api.stop();
  }
  if (process.argv.includes('--write-doc')) {
    const ms = (values: number[]) => `${median(values).toFixed(0)} ms`;
    const label = (r: Row) =>
      r.throttle === 1 ? 'no throttling (baseline)' : `${r.throttle}× slower (Lighthouse mobile)`;
    const table = [
      HEADING,
      '',
      '`npx tsx --tsconfig tsconfig.base.json tools/bench/assistant-bench.ts --write-doc` (after building api and chauffeur).',
      `Debian's Chromium, headless, 412 × 823 px at 1.75×; a 12 Mpx phone photo (3024 × 4032, 72 DPI, ${(photo.bytes.length / 1e6).toFixed(1)} MB) handed to the file input by its path, as a file picker does; ${RUNS} runs each, median; load average (1 min) before → after each row. Target: under 1.5 s at 4×.`,
      '',
      '| CPU | load average | photo chosen → editor shown (median) | runs (ms) | « Valider le cadrage » → JPEG ready (median) | runs (ms) |',
      '|---|---|---|---|---|---|',
      ...results.map(
        (r) =>
          `| ${label(r)} | ${r.load} | ${ms(r.open)} | ${r.open.map((v) => v.toFixed(0)).join(', ')} | ${ms(r.ready)} | ${r.ready.map((v) => v.toFixed(0)).join(', ')} |`,
      ),
      '',
      "Photo chosen → editor shown, broken down (medians, from the portal's User Timing marks):",
      '',
      `| CPU | ${PHASES.map(([, text]) => text).join(' | ')} | working picture (2000 px) decoded, from the choice |`,
      `|---|${PHASES.map(() => '---').join('|')}|---|`,
      ...results.map(
        (r) =>
          `| ${label(r)} | ${PHASES.map(([key]) => ms(r.phases[key])).join(' | ')} | ${ms(r.working)} |`,
      ),
      '',
      "The browser's decode of the same photo alone (`createImageBitmap` on the Blob, medians):",
      '',
      `| CPU | ${PROBES.join(' | ')} |`,
      `|---|${PROBES.map(() => '---').join('|')}|`,
      ...results.map((r) => `| ${label(r)} | ${PROBES.map((p) => ms(r.probe[p])).join(' | ')} |`),
      '',
      'How to read it:',
      '',
      "- The time starts at the file input's change event. The first version of this benchmark (2.47 s at 4×) timed from Node around `setInputFiles` given the bytes of the photo, which Playwright copies into the page through the DevTools protocol and the page's JavaScript: a cost of the measurement, not of choosing a photo, which hands the page a File backed by the disk. Here the file is given by its path.",
      "- Chromium decodes `createImageBitmap` on its image decoder threads, off the page's main thread: the DevTools CPU throttling (main thread) slows the decode alone far less than 4×, and a worker with an OffscreenCanvas would move nothing more off the main thread. What throttling slows is the main thread's part: routing, the editor's lazy chunk and Angular, the first draw.",
      '- Asking for a resampled bitmap does not make Chromium decode less (the full size is decoded, then resampled; the “full size” columns are a lower bound, Chromium may leave such a bitmap to be decoded at its first draw): a display-size bitmap first (~770 px) saves the difference between resampling to 770 and to 2000 px and a cheaper first draw, not the decode. The working picture (2000 px, for the export) is decoded next, off the main thread; « Valider le cadrage » right after the editor appears (as here) waits for it, which is in the « JPEG ready » figure.',
      "- On this shared 2-core machine the load average was far above 2 (other developers' builds and browser suites): spreads are wide and medians move by hundreds of milliseconds between runs.",
      '',
    ].join('\n');
    const path = join(ROOT, 'docs/benchmarks.md');
    const doc = readFileSync(path, 'utf8');
    const start = doc.indexOf(HEADING);
    const next = start >= 0 ? doc.indexOf('\n## ', start + HEADING.length) : -1;
    writeFileSync(
      path,
      start < 0
        ? `${doc.trimEnd()}\n\n${table}`
        : `${doc.slice(0, start)}${table}${next >= 0 ? doc.slice(next + 1) : ''}`,
    );
  }
  const slow = results.find(
    (r) => r.throttle === 4 && (median(r.open) > 1500 || median(r.ready) > 1500),
  );
  if (slow) {
    console.error('Over target (1.5 s at 4× CPU throttling).');
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
