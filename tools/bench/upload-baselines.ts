/**
 * The two bare servers the upload bench compares the API with (plain Node `http`, no framework,
 * one process each, pool of 20 like the API's), and how it reads CPU time from /proc.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';

/** Receives the body and INSERTs it: no parsing, no decode (what storage alone costs). */
export const INSERT_ONLY_SERVER = `
const http = require('node:http');
const { Pool } = require('pg');
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    pool.query('INSERT INTO bench_upload (id, body) VALUES (gen_random_uuid(), $1)', [Buffer.concat(chunks)])
      .then(() => { response.writeHead(201, { 'content-type': 'application/json' }); response.end('{"stored":true}'); })
      .catch(() => { response.writeHead(500); response.end(); });
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

/**
 * A bare server that takes the one file out of a multipart body (a slice of the buffer between the
 * part's headers and the closing boundary) and answers 201 with what `handle` returns for it, 422
 * when `handle` throws. `prelude` and `handle` are JavaScript source: the servers run as `node -e`.
 */
function multipartServer(prelude: string, handle: string): string {
  return `
const http = require('node:http');
const { createHash } = require('node:crypto');
const { Pool } = require('pg');
const sharp = require('sharp');
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const fail = (response, status) => { response.writeHead(status); response.end(); };
${prelude}
const handle = async (file) => { ${handle} };
http.createServer((request, response) => {
  const boundary = /boundary=([^;]+)/.exec(String(request.headers['content-type']))?.[1];
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    try {
      const body = Buffer.concat(chunks);
      const start = body.indexOf('\\r\\n\\r\\n') + 4;
      const end = body.indexOf('\\r\\n--' + boundary, start);
      if (!boundary || start < 4 || end < 0) return fail(response, 400);
      const answer = await handle(body.subarray(start, end));
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer));
    } catch {
      fail(response, 422);
    }
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
`;
}

/**
 * The fair baseline: receives the multipart body, takes its one file out, decodes it fully with
 * sharp (failOn 'warning', sequentialRead: what the API's verdict needs at the least), hashes it
 * and INSERTs original + SHA-256. A server that stores a checked upload cannot do less.
 */
export const DECODE_AND_INSERT_SERVER = multipartServer(
  '',
  `
  await sharp(file, { failOn: 'warning', sequentialRead: true }).raw().toBuffer();
  const sha256 = createHash('sha256').update(file).digest('hex');
  await pool.query('INSERT INTO bench_upload (id, body, sha256) VALUES (gen_random_uuid(), $1, $2)', [file, sha256]);
  return { sha256 };`,
);

/**
 * Not a replacement for the fair baseline, a reading aid: decode-and-insert plus the same face
 * detection as the API's (its face-worker.js, the same detector settings, one worker thread,
 * every upload detected, one at a time), on the detector input made by libvips from the decoded
 * pixels (300 px wide, centred on a mid-grey canvas 1.5 × larger) instead of the API's
 * JavaScript; no pixel statistics. The API set beside it shows what the framework, the checks
 * and the statistics cost once the detection is counted on both sides.
 */
export const DECODE_DETECT_AND_INSERT_SERVER = multipartServer(
  `
const { Worker } = require('node:worker_threads');
const worker = new Worker(process.env.FACE_WORKER, { workerData: { detector: JSON.parse(process.env.DETECTOR) } });
let ready;
const started = new Promise((resolve) => (ready = resolve));
const queue = [];
let busy = null;
worker.on('message', (msg) => {
  if (msg.ready) return ready();
  const done = busy;
  busy = null;
  done(msg);
  pump();
});
const pump = () => {
  if (busy || queue.length === 0) return;
  const job = queue.shift();
  busy = job.resolve;
  worker.postMessage({ id: 1, width: job.width, height: job.height, rgb: job.rgb }, [job.rgb.buffer]);
};
const detect = (width, height, rgb) => new Promise((resolve) => { queue.push({ width, height, rgb, resolve }); pump(); });`,
  `
  const { data, info } = await sharp(file, { failOn: 'warning', sequentialRead: true }).raw().toBuffer({ resolveWithObject: true });
  const w = Math.min(300, info.width);
  const h = Math.max(1, Math.round((info.height * w) / info.width));
  const cw = Math.round(w * 1.5);
  const ch = Math.round(h * 1.5);
  const left = Math.round((cw - w) / 2);
  const top = Math.round((ch - h) / 2);
  const rgb = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .resize(w, h).extend({ top, bottom: ch - h - top, left, right: cw - w - left, background: { r: 128, g: 128, b: 128 } })
    .removeAlpha().raw().toBuffer();
  await started;
  const faces = await detect(cw, ch, new Uint8Array(rgb.buffer, rgb.byteOffset, rgb.length).slice());
  const sha256 = createHash('sha256').update(file).digest('hex');
  await pool.query('INSERT INTO bench_upload (id, body, sha256) VALUES (gen_random_uuid(), $1, $2)', [file, sha256]);
  return { sha256, faces: faces.ok ? faces.result.length : null };`,
);

const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/** CPU time (user + system, every thread) of each of these processes that is alive, in ms. */
export function cpuMsOf(pids: number[]): Map<number, number> {
  const times = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      times.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND); // utime, stime
    } catch {
      // exited
    }
  }
  return times;
}

/**
 * CPU ms spent between two readings: by the processes alive at both, plus the whole time of those
 * that appeared in between (a pool's new connections). A process gone before the end is lost.
 */
export function cpuMsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, end] of after) total += end - (before.get(pid) ?? 0);
  return total;
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Photos like a driver's: 35 × 45 mm at 300 DPI (413 × 531), JFIF, a face-like shape over a
 * gradient with sensor-like noise, at the JPEG quality that lands between 30 and 40 KB; and the
 * same pixels with an sRGB ICC profile embedded.
 */
export async function samplePhotos(): Promise<{ name: string; bytes: Buffer }[]> {
  const width = 413;
  const height = 531;
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 0x2545f491; // xorshift32: the same photo at every run of the bench
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % 29;
  };
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const face = ((x - 206) / 120) ** 2 + ((y - 230) / 160) ** 2 < 1;
      const base = face ? 175 - y / 12 : 215 - y / 20;
      for (let c = 0; c < 3; c += 1) {
        const noise = random() - 14;
        pixels[(y * width + x) * 3 + c] = Math.max(
          0,
          Math.min(255, Math.round(base - c * (face ? 18 : 4) + noise)),
        );
      }
    }
  }
  const image = () => sharp(pixels, { raw: { width, height, channels: 3 } }).blur(0.6);
  // A JFIF 1.02 header at 300 DPI, as a photo booth or an editor writes it (sharp writes none).
  const jfifAt300Dpi = (jpeg: Buffer) =>
    Buffer.concat([
      jpeg.subarray(0, 2),
      Buffer.from([
        0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x02, 0x01, 0x01, 0x2c, 0x01,
        0x2c, 0x00, 0x00,
      ]),
      jpeg.subarray(2),
    ]);
  /** The same file with an sRGB ICC profile (APP2 ICC_PROFILE, as sharp writes it) after its JFIF header. */
  const withIcc = async (jpeg: Buffer) => {
    const donor = await image().withIccProfile('srgb').jpeg().toBuffer();
    let at = 2;
    while (!(
      donor[at + 1] === 0xe2 && donor.subarray(at + 4, at + 15).toString('latin1') === 'ICC_PROFILE'
    ))
      at += 2 + donor.readUInt16BE(at + 2);
    const segment = donor.subarray(at, at + 2 + donor.readUInt16BE(at + 2));
    const afterJfif = 4 + jpeg.readUInt16BE(4);
    return Buffer.concat([jpeg.subarray(0, afterJfif), segment, jpeg.subarray(afterJfif)]);
  };
  for (let quality = 95; quality >= 40; quality -= 1) {
    const plain = jfifAt300Dpi(await image().jpeg({ quality }).toBuffer());
    if (plain.length <= 40_000) {
      if (plain.length < 30_000)
        throw new Error(`No quality gives a 30–40 KB photo (${plain.length} bytes at ${quality})`);
      const icc = await withIcc(plain);
      return [
        {
          name: `JFIF JPEG at 300 DPI, ${plain.length.toLocaleString('en')} bytes (quality ${quality})`,
          bytes: plain,
        },
        {
          name: `the same with an sRGB ICC profile, ${icc.length.toLocaleString('en')} bytes`,
          bytes: icc,
        },
      ];
    }
  }
  throw new Error('No quality gives a photo under 40 KB');
}
