/**
 * The quality warnings computed in the driver portal, in Debian's Chromium, on the built portal
 * (built API, fresh SQLite, demo data): each photo of the labelled set (tools/warnings-set) is
 * picked on the photo step; the portal's own analysis (decode, 300 px analysis image, face
 * detector on the TensorFlow.js WASM backend, statistics) records a User Timing measure
 * (`t3p-quality-warnings`), read here. With Lighthouse's mobile CPU throttling (4×,
 * CDP Emulation.setCPUThrottlingRate) and, as the baseline of the same run, without throttling.
 * The first photo of the page (lazy chunk, weights and WASM fetched and compiled) is reported
 * apart from the others. Median and p95.
 *
 *   npx nx run-many -t build -p api chauffeur   (first)
 *   npm run bench:warnings:browser [-- --people 2 --write-doc]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startBuiltApi } from '../../apps/api/src/testing/built-api';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@t3p/e2e-kit';
import { makeWarningsSet } from '../warnings-set/make-warnings-set';
import { driverSession } from './driver-session';

const ROOT = resolve(__dirname, '../..');
const DRIVER = 'thomas.caron@demo.t3p.example';
const HEADING = '## Quality warnings in the browser (driver portal, Chromium)';
const MEASURE = 't3p-quality-warnings';
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** Picks a photo and waits for the portal's warnings (or "none"); the analysis' own duration. */
async function analyse(
  page: Page,
  name: string,
  bytes: Buffer,
): Promise<{ ms: number; codes: string[] }> {
  const picker = page.locator('input[type=file][id^="fichier-"]');
  await picker.and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
  const before = await page.evaluate((m) => performance.getEntriesByName(m).length, MEASURE);
  await picker.setInputFiles({ name, mimeType: 'image/jpeg', buffer: bytes });
  await page.waitForFunction(
    ([m, n]) => performance.getEntriesByName(m as string).length > (n as number),
    [MEASURE, before] as const,
    { timeout: 120_000 },
  );
  const ms = await page.evaluate(
    (m) => performance.getEntriesByName(m).at(-1)?.duration ?? NaN,
    MEASURE,
  );
  // Let the upload end before the next pick (a pick while busy is ignored).
  await page
    .locator('#resultat-depot')
    .getByText(`« ${name} »`)
    .first()
    .waitFor({ timeout: 60_000 });
  const codes = await page
    .locator('[data-warning-code]')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-warning-code') ?? ''));
  return { ms, codes };
}

async function main(): Promise<void> {
  if (
    !existsSync(join(ROOT, 'dist/apps/api/main.js')) ||
    !existsSync(join(ROOT, 'dist/apps/chauffeur/browser/index.html'))
  ) {
    throw new Error('Build first: npx nx run-many -t build -p api chauffeur');
  }
  const dir = mkdtempSync(join(tmpdir(), 't3p-warnings-browser-bench-'));
  const entries = await makeWarningsSet(dir, arg('--people', 2));
  const files = entries.map((e) => ({ name: e.file, bytes: readFileSync(join(dir, e.file)) }));
  const api = await startBuiltApi({
    ...process.env,
    NODE_ENV: 'development',
    SQLITE_PATH: join(dir, 't3p.sqlite'),
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    OUTBOX_POLL_SECONDS: '1',
    STATIC_DIR: join(ROOT, 'dist/apps'),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const rows: {
    throttle: number;
    first: number;
    rest: number[];
    load: string;
    unavailable: number;
  }[] = [];
  try {
    const { cookie } = await driverSession(api.url, DRIVER);
    const [name, value] = cookie.split('=');
    for (const throttle of [1, 4]) {
      // A fresh page each time: the first photo pays the lazy chunk, the weights and the WASM again (HTTP cache off).
      const context = await browser.newContext({
        viewport: { width: 412, height: 823 },
        deviceScaleFactor: 1.75,
      });
      await context.addCookies([{ name, value, url: api.url }]);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await page.goto(`${api.url}/demande/photo`);
      await page.getByRole('heading', { name: /Ce que doit respecter/ }).waitFor();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      const times: number[] = [];
      let unavailable = 0;
      for (const file of files) {
        const { ms, codes } = await analyse(page, file.name, file.bytes);
        times.push(ms);
        if (codes.includes('FACE_ANALYSIS_UNAVAILABLE')) unavailable++;
      }
      const load = loadavg()
        .map((v) => v.toFixed(2))
        .join(' ');
      rows.push({ throttle, first: times[0], rest: times.slice(1), load, unavailable });
      console.log(
        `CPU ×${throttle}: first photo ${times[0].toFixed(0)} ms; next ${times.length - 1}: median ${quantile(times.slice(1), 0.5).toFixed(0)} ms, p95 ${quantile(times.slice(1), 0.95).toFixed(0)} ms; load ${load}`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const table = [
    HEADING,
    '',
    '`npm run bench:warnings:browser -- --write-doc` (tools/bench/warnings-browser-bench.ts, after building api and chauffeur).',
    `Debian's Chromium, headless, 412 × 823 px; ${files.length} photos of the labelled set (413 × 531 px, valid) picked one after the other on the photo step of the built portal; the time is the portal's own User Timing measure of the analysis (decode, analysis image, detector, statistics; the upload runs beside it and is not counted). The first photo of a fresh page (HTTP cache off) also fetches and compiles the lazy chunk (about 280 KB gzip), the two nets' weights (270 KB) and the WASM backend: reported apart. ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '| CPU | first photo (lazy load included) | next photos | median | p95 | max | FACE_ANALYSIS_UNAVAILABLE | load average (1, 5, 15 min) at the end |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.throttle === 1 ? 'no throttling (baseline)' : `${r.throttle}× slower (Lighthouse mobile)`} | ${r.first.toFixed(0)} ms | ${r.rest.length} | ${quantile(r.rest, 0.5).toFixed(0)} ms | ${quantile(r.rest, 0.95).toFixed(0)} ms | ${Math.max(...r.rest).toFixed(0)} ms | ${r.unavailable} | ${r.load} |`,
    ),
    '',
  ].join('\n');
  process.stdout.write(`\n${table}\n`);
  if (args.includes('--write-doc')) {
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
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
