/**
 * Time of a photo's verdict with its quality warnings (checkImage) against
 * the same verdict without them (measureImage + evaluate), per file, in the
 * same run, on the labelled set (tools/warnings-set). Median and p95.
 *
 *   npm run bench:warnings [-- --people 4 --rounds 3]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '@t3p/image-rules';
import { makeWarningsSet } from '../warnings-set/make-warnings-set';
import {
  checkImage,
  facePool,
  measureImage,
  qualityWarnings,
  shutdownFaceWorker,
  shutdownPdfWorkers,
  warmUpFaceWorker,
} from '@t3p/image-measurement';

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function times(
  files: Buffer[],
  rounds: number,
  fn: (b: Buffer) => Promise<unknown>,
): Promise<number[]> {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const b of files) {
      const t = performance.now();
      await fn(b);
      out.push(performance.now() - t);
    }
  }
  return out.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string, dflt: number) =>
    args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt;
  const dir = mkdtempSync(join(tmpdir(), 't3p-warnings-bench-'));
  try {
    const entries = await makeWarningsSet(dir, arg('--people', 4));
    const files = entries.map((e) => readFileSync(join(dir, e.file)));
    warmUpFaceWorker();
    await facePool().ready();
    const rounds = arg('--rounds', 3);
    const baseline = await times(files, rounds, async (b) =>
      evaluate(await measureImage(b, 'photo'), 'photo'),
    );
    const full = await times(files, rounds, (b) => checkImage(b, 'photo'));
    const warningsOnly = await times(files, rounds, (b) => qualityWarnings(b, 'photo'));
    let unavailable = 0;
    for (const b of files)
      if (
        (await checkImage(b, 'photo')).warnings.some((w) => w.code === 'FACE_ANALYSIS_UNAVAILABLE')
      )
        unavailable++;
    const row = (name: string, t: number[]) =>
      `| ${name} | ${t.length} | ${quantile(t, 0.5).toFixed(0)} ms | ${quantile(t, 0.95).toFixed(0)} ms | ${t[t.length - 1].toFixed(0)} ms |`;
    process.stdout.write(
      [
        `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}; ${files.length} photos (413 × 531) × ${rounds} rounds, one after the other.`,
        '',
        '| what | runs | median | p95 | max |',
        '|---|---:|---:|---:|---:|',
        row('verdict without warnings (baseline: measureImage + evaluate)', baseline),
        row('verdict with warnings (checkImage)', full),
        row(
          'warnings alone (decode, 300 px analysis image, face worker, statistics)',
          warningsOnly,
        ),
        '',
        `FACE_ANALYSIS_UNAVAILABLE (face worker past its ${600} ms budget) on ${unavailable} of ${files.length} files in a last pass.`,
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await shutdownFaceWorker();
    await shutdownPdfWorkers();
  }
}

void main();
