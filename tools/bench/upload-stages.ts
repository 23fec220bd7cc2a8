/**
 * Where an upload's CPU goes, stage by stage, outside any server: each stage of the API's upload
 * path run alone, one call after the other, on the upload bench's two photos. CPU is the whole
 * process's (process.cpuUsage: main thread, libvips threads and the face worker), so each line is
 * what that stage costs the machine per upload.
 *
 *   npx tsx --tsconfig tsconfig.base.json tools/bench/upload-stages.ts [--iterations 200]
 */
import { loadavg } from 'node:os';
import sharp from 'sharp';
import { analysePhoto, analysisImage, detectorInput } from '@t3p/image-warnings';
import { emptyMeasured, evaluate, measureJpegHeader } from '@t3p/image-rules';
import {
  checkImage,
  decodeJpegFully,
  decodeRgba,
  facePool,
  readyFaceWorker,
  sha256,
  shutdownFaceWorker,
  stripJpegMetadata,
} from '@t3p/image-measurement';
import { samplePhotos } from './upload-baselines';

const index = process.argv.indexOf('--iterations');
const ITERATIONS = index > 0 ? Number(process.argv[index + 1]) : 200;

/** CPU ms (all threads) and wall ms per call of `fn`, after a few warm-up calls. */
async function time(fn: () => unknown): Promise<{ cpu: number; wall: number }> {
  for (let i = 0; i < 10; i++) await fn();
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < ITERATIONS; i++) await fn();
  const wall = (performance.now() - start) / ITERATIONS;
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000 / ITERATIONS, wall };
}

async function main(): Promise<void> {
  await readyFaceWorker();
  const rows: string[] = [];
  for (const photo of await samplePhotos()) {
    const bytes = photo.bytes;
    const decoded = await decodeRgba(bytes);
    const img = analysisImage(decoded);
    const faces = await facePool().detect(img);
    const stages: [string, () => unknown][] = [
      [
        'header parse + rule engine (measureJpegHeader, evaluate)',
        () => {
          const m = emptyMeasured(bytes.length);
          measureJpegHeader(bytes, m);
          return evaluate(m, 'photo');
        },
      ],
      [
        'sharp strict full decode to RGB (decodeJpegFully: the check)',
        () => decodeJpegFully(bytes),
      ],
      [
        'the same decode in the baseline (failOn warning, sequentialRead, raw)',
        () => sharp(bytes, { failOn: 'warning', sequentialRead: true }).raw().toBuffer(),
      ],
      [
        'a second sharp decode to RGBA, oriented (decodeRgba: no longer on the path of an upright photo)',
        () => decodeRgba(bytes),
      ],
      ['downscale to the 300 px analysis image (JS)', () => analysisImage(decoded)],
      ['detector input: padded RGB canvas (JS)', () => detectorInput(img)],
      [
        'face detection in the worker (TinyFaceDetector + landmarks, WASM), with its transfer',
        () => facePool().detect(img),
      ],
      ['pixel statistics and warnings (analysePhoto)', () => analysePhoto(img, faces)],
      ['SHA-256', () => sha256(bytes)],
      [
        'display copy derived on read (stripJpegMetadata; not on the upload path)',
        () => stripJpegMetadata(bytes),
      ],
      [
        'the whole verdict (checkImage: all of the above but the hash and the copy)',
        () => checkImage(bytes, 'photo'),
      ],
    ];
    rows.push(
      `\n${photo.name} (faces found on it: ${faces === null ? 'analysis unavailable' : faces.length})\n`,
    );
    rows.push('| stage | CPU ms / upload (all threads) | wall ms |', '|---|---:|---:|');
    for (const [label, fn] of stages) {
      const { cpu, wall } = await time(fn);
      rows.push(`| ${label} | ${cpu.toFixed(2)} | ${wall.toFixed(2)} |`);
    }
  }
  console.log(
    `Load average ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}, ${ITERATIONS} calls a stage`,
  );
  console.log(rows.join('\n'));
  await shutdownFaceWorker();
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
