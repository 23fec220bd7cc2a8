/**
 * Builds the labelled set of the quality warnings (no binary is committed):
 * from the sample photos shipped inside @vladmandic/face-api (MIT, the
 * author's own photos, demo/sample1–6.jpg), every face found is cut out on a
 * plain light-grey background as a 35 × 45 mm photo at 300 DPI ("good"), then
 * degraded: blur, ±1.5 EV, white and busy backgrounds, grayscale, a second
 * face pasted in, an offset and two scales of the head. Writes the JPEGs and
 * manifest.json ({file, kind, good, expected}) into the folder given
 * (default tmp/warnings-set).
 *
 *   npm run warnings-set -- [folder] [--people N]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { THRESHOLDS, type DetectedFace, type Rgba, type WarningCode } from '@t3p/image-warnings';
import { FaceDetectorPool } from '@t3p/image-measurement';

export interface WarningsSetEntry {
  file: string;
  kind: 'photo';
  /** true: a good photo, expected to get no warning. */
  good: boolean;
  /** The warning a degraded file must get (empty for a good one). */
  expected: WarningCode[];
  degradation: string;
}

const OUT_W = 413;
const OUT_H = 531;
const GREY = [206, 210, 214];

function sampleDir(): string {
  return join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');
}

async function rgbaOf(input: Buffer | string): Promise<Rgba> {
  const { data, info } = await sharp(input)
    .rotate()
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
  };
}

interface Placement {
  /** Head height on the 45 mm photo, mm. */
  headMm: number;
  /** Horizontal shift of the face, share of the width. */
  shiftX: number;
}

/** A face in its own upright frame: origin between the eyes, eye line horizontal. */
interface Aligned {
  eye: { x: number; y: number };
  cos: number;
  sin: number;
  /** Landmarks in the upright frame. */
  lm: { x: number; y: number }[];
}

function align(face: DetectedFace): Aligned {
  const lm = face.landmarks;
  const mean = (pts: { x: number; y: number }[]) => ({
    x: pts.reduce((s, q) => s + q.x, 0) / pts.length,
    y: pts.reduce((s, q) => s + q.y, 0) / pts.length,
  });
  const l = mean(lm.slice(36, 42));
  const r = mean(lm.slice(42, 48));
  const eye = { x: (l.x + r.x) / 2, y: (l.y + r.y) / 2 };
  const a = Math.atan2(r.y - l.y, r.x - l.x);
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const up = lm.map((q) => ({
    x: (q.x - eye.x) * cos + (q.y - eye.y) * sin,
    y: -(q.x - eye.x) * sin + (q.y - eye.y) * cos,
  }));
  return { eye, cos, sin, lm: up };
}

/** Crop window in the upright frame for a face placed as asked: eyes at 55 % of the height from the bottom. */
function cropFor(
  a: Aligned,
  p: Placement,
): { left: number; top: number; width: number; height: number } {
  const chin = a.lm[8];
  const brow = Math.min(...a.lm.slice(17, 27).map((q) => q.y));
  const head = (chin.y - brow) * THRESHOLDS.crownFactor;
  const height = (head * THRESHOLDS.photoHeightMm) / p.headMm;
  const width = (height * OUT_W) / OUT_H;
  return { left: -width / 2 - p.shiftX * width, top: -height * 0.45, width, height };
}

/** Whether the crop, rotated back into the source, lies inside it. */
function inside(src: Rgba, a: Aligned, c: ReturnType<typeof cropFor>): boolean {
  for (const [u, v] of [
    [c.left, c.top],
    [c.left + c.width, c.top],
    [c.left, c.top + c.height],
    [c.left + c.width, c.top + c.height],
  ]) {
    const x = a.eye.x + u * a.cos - v * a.sin;
    const y = a.eye.y + u * a.sin + v * a.cos;
    if (x < 0 || y < 0 || x >= src.width || y >= src.height) return false;
  }
  return true;
}

/**
 * Draws the person of `src`, upright, cut along an ellipse round the head
 * and a trapezoid for the neck and shoulders, over `background` (RGBA of OUT_W × OUT_H).
 */
function composite(
  src: Rgba,
  a: Aligned,
  crop: ReturnType<typeof cropFor>,
  background: Uint8Array,
): Uint8Array {
  const out = new Uint8Array(background);
  const lm = a.lm;
  const chin = lm[8];
  const brow = Math.min(...lm.slice(17, 27).map((q) => q.y));
  const headH = (chin.y - brow) * THRESHOLDS.crownFactor;
  const cx = (lm[0].x + lm[16].x) / 2;
  const cy = chin.y - headH / 2;
  const rx = (lm[16].x - lm[0].x) * 0.62;
  const ry = headH / 2;
  const sx = crop.width / OUT_W;
  const sy = crop.height / OUT_H;
  for (let y = 0; y < OUT_H; y++) {
    for (let x = 0; x < OUT_W; x++) {
      const u = crop.left + (x + 0.5) * sx;
      const v = crop.top + (y + 0.5) * sy;
      const inHead = ((u - cx) / rx) ** 2 + ((v - cy) / ry) ** 2 <= 1;
      const below = v - chin.y;
      const inBody =
        below > -headH * 0.15 && Math.abs(u - cx) <= rx * (0.55 + Math.max(0, below / headH) * 2.2);
      if (!inHead && !inBody) continue;
      const ix = Math.floor(a.eye.x + u * a.cos - v * a.sin);
      const iy = Math.floor(a.eye.y + u * a.sin + v * a.cos);
      if (ix < 0 || iy < 0 || ix >= src.width || iy >= src.height) continue;
      const si = (iy * src.width + ix) * 4;
      const oi = (y * OUT_W + x) * 4;
      out[oi] = src.data[si];
      out[oi + 1] = src.data[si + 1];
      out[oi + 2] = src.data[si + 2];
    }
  }
  return out;
}

function plain(rgb: number[]): Uint8Array {
  const b = new Uint8Array(OUT_W * OUT_H * 4);
  for (let i = 0; i < b.length; i += 4) {
    b[i] = rgb[0];
    b[i + 1] = rgb[1];
    b[i + 2] = rgb[2];
    b[i + 3] = 255;
  }
  return b;
}

/** A busy background: coloured tiles and stripes, deterministic. */
function busy(seed: number): Uint8Array {
  const b = plain(GREY);
  let s = seed * 9301 + 49297;
  const rnd = (): number => (s = (s * 9301 + 49297) % 233280) / 233280;
  for (let k = 0; k < 40; k++) {
    const x0 = Math.floor(rnd() * OUT_W);
    const y0 = Math.floor(rnd() * OUT_H);
    const w = 20 + Math.floor(rnd() * 120);
    const h = 20 + Math.floor(rnd() * 120);
    const c = [Math.floor(rnd() * 255), Math.floor(rnd() * 255), Math.floor(rnd() * 255)];
    for (let y = y0; y < Math.min(OUT_H, y0 + h); y++) {
      for (let x = x0; x < Math.min(OUT_W, x0 + w); x++) {
        const i = (y * OUT_W + x) * 4;
        b[i] = c[0];
        b[i + 1] = c[1];
        b[i + 2] = c[2];
      }
    }
  }
  return b;
}

/** Exposure change of `ev` stops in linear light (sRGB approximated as gamma 2.2). */
function exposure(img: Uint8Array, ev: number): Uint8Array {
  const k = Math.pow(2, ev / 2.2);
  const out = new Uint8Array(img);
  for (let i = 0; i < out.length; i++)
    if ((i & 3) !== 3) out[i] = Math.min(255, Math.round(img[i] * k));
  return out;
}

function grayscale(img: Uint8Array): Uint8Array {
  const out = new Uint8Array(img);
  for (let i = 0; i < out.length; i += 4) {
    const l = Math.round(0.299 * img[i] + 0.587 * img[i + 1] + 0.114 * img[i + 2]);
    out[i] = out[i + 1] = out[i + 2] = l;
  }
  return out;
}

/** Pastes `other` (a whole photo) scaled to 45 % into the upper-right corner. */
function pasteSecond(img: Uint8Array, other: Uint8Array): Uint8Array {
  const out = new Uint8Array(img);
  const scale = 0.45;
  const w = Math.round(OUT_W * scale);
  const h = Math.round(OUT_H * scale);
  const x0 = OUT_W - w;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const si = (Math.floor(y / scale) * OUT_W + Math.floor(x / scale)) * 4;
      const oi = (y * OUT_W + x0 + x) * 4;
      out[oi] = other[si];
      out[oi + 1] = other[si + 1];
      out[oi + 2] = other[si + 2];
    }
  }
  return out;
}

async function jpeg(rgba: Uint8Array, blurSigma = 0): Promise<Buffer> {
  let s = sharp(Buffer.from(rgba), {
    raw: { width: OUT_W, height: OUT_H, channels: 4 },
  }).removeAlpha();
  if (blurSigma > 0) s = s.blur(blurSigma);
  return s.jpeg({ quality: 85 }).withMetadata({ density: 300 }).toBuffer();
}

/** `maxPeople` keeps only the first faces found (tests that need a few files, not the whole set). */
export async function makeWarningsSet(
  outDir: string,
  maxPeople = Infinity,
): Promise<WarningsSetEntry[]> {
  await mkdir(outDir, { recursive: true });
  const pool = new FaceDetectorPool(20_000, { inputSize: 608, scoreThreshold: 0.5 }, 60_000);
  const entries: WarningsSetEntry[] = [];
  const goods: Uint8Array[] = [];
  try {
    const people: { src: Rgba; face: Aligned; name: string }[] = [];
    for (let n = 1; n <= 6; n++) {
      const src = await rgbaOf(await readFile(join(sampleDir(), `sample${n}.jpg`)));
      const faces = (await pool.detect(src)) ?? [];
      faces.forEach((face, i) => {
        // Only clear faces whose whole photo (at the largest scale used) lies in the picture.
        const a = align(face);
        if (face.score >= 0.7 && inside(src, a, cropFor(a, { headMm: 34, shiftX: 0 })))
          people.push({ src, face: a, name: `s${n}f${i + 1}` });
      });
    }
    people.splice(maxPeople);
    const add = async (
      file: string,
      good: boolean,
      expected: WarningCode[],
      degradation: string,
      bytes: Buffer,
    ): Promise<void> => {
      await writeFile(join(outDir, file), bytes);
      entries.push({ file, kind: 'photo', good, expected, degradation });
    };
    for (const p of people)
      goods.push(composite(p.src, p.face, cropFor(p.face, { headMm: 34, shiftX: 0 }), plain(GREY)));
    for (let k = 0; k < people.length; k++) {
      const p = people[k];
      const good = goods[k];
      const crop = cropFor(p.face, { headMm: 34, shiftX: 0 });
      await add(`${p.name}-good.jpg`, true, [], 'none', await jpeg(good));
      await add(
        `${p.name}-blur.jpg`,
        false,
        ['BLURRED'],
        'gaussian blur σ = 3 px',
        await jpeg(good, 3),
      );
      await add(
        `${p.name}-under.jpg`,
        false,
        ['FACE_UNDEREXPOSED'],
        '−1.5 EV',
        await jpeg(exposure(good, -1.5)),
      );
      await add(
        `${p.name}-over.jpg`,
        false,
        ['FACE_OVEREXPOSED'],
        '+1.5 EV',
        await jpeg(exposure(good, 1.5)),
      );
      await add(
        `${p.name}-white.jpg`,
        false,
        ['BACKGROUND_WHITE'],
        'white background',
        await jpeg(composite(p.src, p.face, crop, plain([255, 255, 255]))),
      );
      await add(
        `${p.name}-busy.jpg`,
        false,
        ['BACKGROUND_NOT_UNIFORM'],
        'busy background',
        await jpeg(composite(p.src, p.face, crop, busy(k + 1))),
      );
      await add(
        `${p.name}-gray.jpg`,
        false,
        ['GRAYSCALE'],
        'grayscale',
        await jpeg(grayscale(good)),
      );
      await add(
        `${p.name}-two.jpg`,
        false,
        ['SEVERAL_FACES'],
        'second face pasted at 45 %',
        await jpeg(pasteSecond(good, goods[(k + 1) % goods.length])),
      );
      await add(
        `${p.name}-offset.jpg`,
        false,
        ['FACE_OFF_CENTRE'],
        'face shifted by 15 % of the width',
        await jpeg(
          composite(p.src, p.face, cropFor(p.face, { headMm: 34, shiftX: 0.15 }), plain(GREY)),
        ),
      );
      await add(
        `${p.name}-small.jpg`,
        false,
        ['HEAD_TOO_SMALL'],
        'head 27 mm',
        await jpeg(
          composite(p.src, p.face, cropFor(p.face, { headMm: 27, shiftX: 0 }), plain(GREY)),
        ),
      );
      await add(
        `${p.name}-large.jpg`,
        false,
        ['HEAD_TOO_LARGE'],
        'head 40 mm',
        await jpeg(
          composite(p.src, p.face, cropFor(p.face, { headMm: 40, shiftX: 0 }), plain(GREY)),
        ),
      );
    }
  } finally {
    await pool.close();
  }
  await writeFile(
    join(outDir, 'manifest.json'),
    JSON.stringify(
      { generatedBy: 'tools/warnings-set/make-warnings-set.ts', files: entries },
      null,
      1,
    ),
  );
  return entries;
}

if (require.main === module) {
  const base = process.env['INIT_CWD'] ?? process.cwd();
  const args = process.argv.slice(2);
  const peopleAt = args.indexOf('--people');
  const people = peopleAt >= 0 ? Number(args.splice(peopleAt, 2)[1]) : Infinity;
  const out = resolve(base, args[0] ?? 'tmp/warnings-set');
  makeWarningsSet(out, people).then(
    (e) => process.stdout.write(`${e.length} fichiers écrits dans ${out}\n`),
    (err: unknown) => {
      process.stderr.write(`warnings-set : ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
