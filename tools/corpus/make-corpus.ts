/**
 * Generates the image test corpus (no binary file is committed): JPEGs built
 * with sharp and whose header segments (JFIF, EXIF, COM padding, SOF) are
 * written byte by byte, PDFs built with pdf-lib or by hand, hostile files
 * from raw bytes. Writes every file and a manifest.json with the exact
 * expected codes into the folder given (default tmp/corpus).
 *
 *   npm run corpus -- [folder]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { constants as zc, createDeflateRaw, deflateSync } from 'node:zlib';
import {
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFString,
} from 'pdf-lib';
import sharp from 'sharp';
import type { ErrorCode, ImageKind } from '@t3p/image-rules';

export interface CorpusEntry {
  file: string;
  kind: ImageKind;
  /** The exact codes the verdict must carry, in order. */
  expected: ErrorCode[];
  description: string;
}

export interface CorpusManifest {
  generatedBy: string;
  files: CorpusEntry[];
}

// ---------- deterministic pixels ----------

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** A smooth "portrait" (light background, darker ellipse) with mild noise. */
function portraitPixels(w: number, h: number, channels: 1 | 3, seed = 1, noise = 6): Buffer {
  const rnd = prng(seed);
  const buf = Buffer.alloc(w * h * channels);
  const cx = w / 2;
  const cy = h * 0.45;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = (x - cx) / (w * 0.3);
      const dy = (y - cy) / (h * 0.32);
      const inside = dx * dx + dy * dy < 1;
      const base = inside ? 120 + 40 * Math.cos(dx * 2) : 225 - (y / h) * 20;
      const v = Math.max(0, Math.min(255, base + (rnd() - 0.5) * noise));
      const o = (y * w + x) * channels;
      if (channels === 1) buf[o] = v;
      else {
        buf[o] = Math.min(255, v + 10);
        buf[o + 1] = v;
        buf[o + 2] = Math.max(0, v - 10);
      }
    }
  }
  return buf;
}

/** Dark strokes on white: a fake signature. */
function signaturePixels(w: number, h: number): Buffer {
  const buf = Buffer.alloc(w * h, 250);
  for (let x = Math.floor(w * 0.1); x < w * 0.9; x++) {
    const y = Math.floor(h / 2 + Math.sin(x / (w / 12)) * h * 0.25);
    for (let t = -2; t <= 2; t++) {
      const yy = y + t;
      if (yy >= 0 && yy < h) buf[yy * w + x] = 20;
    }
  }
  return buf;
}

async function encodeJpeg(
  w: number,
  h: number,
  opts: { channels?: 1 | 3; quality?: number; pixels?: Buffer } = {},
): Promise<Buffer> {
  const channels = opts.channels ?? 3;
  const pixels = opts.pixels ?? portraitPixels(w, h, channels);
  return sharp(pixels, { raw: { width: w, height: h, channels } })
    .jpeg({ quality: opts.quality ?? 85 })
    .toBuffer();
}

// ---------- JPEG segment surgery ----------

function segment(marker: number, payload: Buffer): Buffer {
  const len = payload.length + 2;
  if (len > 0xffff) throw new Error('segment too long');
  return Buffer.concat([Buffer.from([0xff, marker, len >> 8, len & 0xff]), payload]);
}

/** JFIF APP0: units 0 = aspect only, 1 = dpi, 2 = dpcm. */
function jfif(units: number, x: number, y = x): Buffer {
  const p = Buffer.alloc(14);
  p.write('JFIF\0', 0, 'latin1');
  p[5] = 1;
  p[6] = 2;
  p[7] = units;
  p.writeUInt16BE(x, 8);
  p.writeUInt16BE(y, 10);
  return segment(0xe0, p);
}

interface ExifSpec {
  orientation?: number;
  xRes?: [number, number];
  yRes?: [number, number];
  unit?: number;
}

/** EXIF APP1 with IFD0 only (little-endian TIFF). */
function exif(spec: ExifSpec): Buffer {
  type Entry = { tag: number; type: number; value: number | [number, number] };
  const entries: Entry[] = [];
  if (spec.orientation !== undefined)
    entries.push({ tag: 0x0112, type: 3, value: spec.orientation });
  if (spec.xRes) entries.push({ tag: 0x011a, type: 5, value: spec.xRes });
  if (spec.yRes) entries.push({ tag: 0x011b, type: 5, value: spec.yRes });
  if (spec.unit !== undefined) entries.push({ tag: 0x0128, type: 3, value: spec.unit });
  const ifdSize = 2 + entries.length * 12 + 4;
  const tiff = Buffer.alloc(8 + ifdSize + entries.length * 8);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(entries.length, 8);
  let extra = 8 + ifdSize;
  entries.forEach((e, i) => {
    const at = 10 + i * 12;
    tiff.writeUInt16LE(e.tag, at);
    tiff.writeUInt16LE(e.type, at + 2);
    tiff.writeUInt32LE(1, at + 4);
    if (Array.isArray(e.value)) {
      tiff.writeUInt32LE(extra, at + 8);
      tiff.writeUInt32LE(e.value[0], extra);
      tiff.writeUInt32LE(e.value[1], extra + 4);
      extra += 8;
    } else {
      tiff.writeUInt16LE(e.value, at + 8);
    }
  });
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
}

/** Replaces every APPn/COM segment of `jpeg` by `header` (inserted after SOI). */
function withHeader(jpeg: Buffer, header: Buffer[]): Buffer {
  const kept: Buffer[] = [];
  let pos = 2;
  for (;;) {
    const marker = jpeg[pos + 1];
    if (marker === 0xda) break;
    const len = jpeg.readUInt16BE(pos + 2);
    if (!((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe))
      kept.push(jpeg.subarray(pos, pos + 2 + len));
    pos += 2 + len;
  }
  return Buffer.concat([jpeg.subarray(0, 2), ...header, ...kept, jpeg.subarray(pos)]);
}

/** Pads a JPEG to exactly `size` bytes with COM segments placed after SOI. */
function padTo(jpeg: Buffer, size: number): Buffer {
  let missing = size - jpeg.length;
  if (missing < 0) throw new Error(`JPEG already ${jpeg.length} bytes > ${size}`);
  if (missing === 0) return jpeg;
  if (missing < 4) throw new Error('cannot pad by less than 4 bytes');
  const coms: Buffer[] = [];
  while (missing > 0) {
    let chunk = Math.min(missing, 0xffff + 2);
    if (missing - chunk > 0 && missing - chunk < 4) chunk -= 4;
    coms.push(segment(0xfe, Buffer.alloc(chunk - 4, 0x20)));
    missing -= chunk;
  }
  return Buffer.concat([jpeg.subarray(0, 2), ...coms, jpeg.subarray(2)]);
}

async function jpegWith(
  w: number,
  h: number,
  header: Buffer[],
  opts: Parameters<typeof encodeJpeg>[2] = {},
): Promise<Buffer> {
  return withHeader(await encodeJpeg(w, h, opts), header);
}

/** Rewrites the SOF dimensions (the data no longer matches: for header-only tests). */
function patchSof(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  let pos = 2;
  for (;;) {
    const marker = out[pos + 1];
    const len = out.readUInt16BE(pos + 2);
    if (marker >= 0xc0 && marker <= 0xc2) {
      out.writeUInt16BE(height, pos + 5);
      out.writeUInt16BE(width, pos + 7);
      return out;
    }
    pos += 2 + len;
  }
}

// ---------- PDF helpers ----------

const MM = 72 / 25.4;

async function pdfWithJpeg(
  jpeg: Buffer,
  pageMm: [number, number],
  opts: {
    pages?: number;
    objectStreams?: boolean;
    edit?: (doc: PDFDocument) => void | Promise<void>;
  } = {},
): Promise<Buffer> {
  const doc = await PDFDocument.create();
  // A copy with its own ArrayBuffer: pdf-lib's JPEG embedder reads `bytes.buffer`
  // from offset 0, so a pooled Buffer would make it read a neighbour's SOF.
  const img = await doc.embedJpg(new Uint8Array(jpeg));
  for (let i = 0; i < (opts.pages ?? 1); i++) {
    const page = doc.addPage([pageMm[0] * MM, pageMm[1] * MM]);
    page.drawImage(img, { x: 0, y: 0, width: pageMm[0] * MM, height: pageMm[1] * MM });
  }
  await opts.edit?.(doc);
  return Buffer.from(await doc.save({ useObjectStreams: opts.objectStreams ?? true }));
}

/** A PDF whose page draws the XObject `Im1` built by `makeImage` (and nothing else). */
async function pdfWithXObject(
  pageMm: [number, number],
  makeImage: (doc: PDFDocument) => ReturnType<PDFDocument['context']['register']>,
  pageExtras: Record<string, unknown> = {},
): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const w = pageMm[0] * MM;
  const h = pageMm[1] * MM;
  const page = doc.addPage([w, h]);
  const ref = makeImage(doc);
  page.node.setXObject(PDFName.of('Im1'), ref);
  const content = doc.context.flateStream(`q ${w.toFixed(4)} 0 0 ${h.toFixed(4)} 0 0 cm /Im1 Do Q`);
  page.node.set(PDFName.of('Contents'), doc.context.register(content));
  for (const [k, v] of Object.entries(pageExtras))
    page.node.set(PDFName.of(k), doc.context.obj(v as never));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A raw deflate stream of `gib` GiB of zeros, built by repeating one flushed block (cheap). */
async function zerosDeflateRaw(mib: number): Promise<Buffer> {
  const d = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  d.on('data', (c: Buffer) => chunks.push(c));
  const block = Buffer.alloc(1 << 20);
  const flush = (): Promise<Buffer> =>
    new Promise((res) =>
      d.flush(zc.Z_SYNC_FLUSH, () => {
        const b = Buffer.concat(chunks);
        chunks.length = 0;
        res(b);
      }),
    );
  d.write(block);
  const first = await flush();
  d.write(block);
  const repeat = await flush();
  d.close();
  const parts = [first];
  for (let i = 1; i < mib; i++) parts.push(repeat);
  parts.push(Buffer.from([0x03, 0x00])); // empty final block
  return Buffer.concat(parts);
}

/** zlib-wrapped deflate of `mib` MiB of zeros. */
async function zerosZlib(mib: number): Promise<Buffer> {
  const raw = await zerosDeflateRaw(mib);
  const n = mib * 1024 * 1024;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((n % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), raw, adler]);
}

/** Assembles a PDF by hand from object bodies (1-based), with a correct xref table. */
function handPdf(objects: (string | Buffer)[], trailerExtra = '', rootId = 1): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((body, i) => {
    const b = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    offsets.push(at);
    at += b.length;
    parts.push(b);
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root ${rootId} 0 R ${trailerExtra}>>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

function streamObj(dict: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

// ---------- the corpus ----------

export async function generateCorpus(outDir = 'tmp/corpus'): Promise<CorpusManifest> {
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  const files: CorpusEntry[] = [];
  const add = async (
    file: string,
    kind: ImageKind,
    expected: ErrorCode[],
    description: string,
    bytes: Buffer | Uint8Array,
  ) => {
    await writeFile(join(dir, file), bytes);
    files.push({ file, kind, expected, description });
  };
  const J300 = [jfif(1, 300)];

  // --- valid JPEGs ---
  await add(
    'photo-valid-300dpi.jpg',
    'photo',
    [],
    '413×531 px at 300 DPI (JFIF): 35,0 × 45,0 mm',
    await jpegWith(413, 531, J300),
  );
  await add(
    'photo-valid-400dpi.jpg',
    'photo',
    [],
    '551×709 px at 400 DPI',
    await jpegWith(551, 709, [jfif(1, 400)], { quality: 75 }),
  );
  await add(
    'photo-valid-jfif-and-exif.jpg',
    'photo',
    [],
    'JFIF 300 DPI and EXIF 300 DPI',
    await jpegWith(413, 531, [jfif(1, 300), exif({ xRes: [300, 1], yRes: [300, 1], unit: 2 })]),
  );
  const sig = signaturePixels(295, 142);
  await add(
    'signature-valid-300dpi.jpg',
    'signature',
    [],
    '295×142 px at 300 DPI: 25,0 × 12,0 mm',
    await jpegWith(295, 142, J300, { channels: 1, pixels: sig }),
  );
  await add(
    'signature-valid-400dpi.jpg',
    'signature',
    [],
    '394×189 px at 400 DPI',
    await jpegWith(394, 189, [jfif(1, 400)], { channels: 1, pixels: signaturePixels(394, 189) }),
  );

  // --- size boundaries ---
  const base = await jpegWith(413, 531, J300);
  await add(
    'photo-exactly-81920-bytes.jpg',
    'photo',
    [],
    'exactly 80 Ko (81,920 bytes), padded with COM segments',
    padTo(base, 81_920),
  );
  await add(
    'photo-81921-bytes.jpg',
    'photo',
    ['TOO_LARGE'],
    '81,921 bytes: one byte over',
    padTo(base, 81_921),
  );
  const sigBase = await jpegWith(295, 142, J300, { channels: 1, pixels: sig });
  await add(
    'signature-exactly-51200-bytes.jpg',
    'signature',
    [],
    'exactly 50 Ko',
    padTo(sigBase, 51_200),
  );
  await add(
    'signature-51201-bytes.jpg',
    'signature',
    ['TOO_LARGE'],
    'one byte over 50 Ko',
    padTo(sigBase, 51_201),
  );
  await add(
    'photo-too-large-72dpi.jpg',
    'photo',
    ['TOO_LARGE', 'DPI_OUT_OF_RANGE', 'DIMENSIONS'],
    'over the size limit and still measured: every failing check reported',
    padTo(await jpegWith(413, 531, [jfif(1, 72)]), 150_000),
  );
  const overCap = Buffer.alloc(10 * 1024 * 1024 + 1);
  base.copy(overCap);
  await add(
    'photo-over-hard-cap.jpg',
    'photo',
    ['TOO_LARGE'],
    '10 MiB + 1 byte: nothing parsed past the hard cap',
    overCap,
  );

  // --- resolution ---
  await add(
    'photo-299dpi.jpg',
    'photo',
    ['DPI_OUT_OF_RANGE'],
    '299 DPI: just under',
    await jpegWith(413, 531, [jfif(1, 299)]),
  );
  await add(
    'photo-401dpi.jpg',
    'photo',
    ['DPI_OUT_OF_RANGE'],
    '401 DPI: just over',
    await jpegWith(551, 709, [jfif(1, 401)], { quality: 75 }),
  );
  await add(
    'photo-72dpi.jpg',
    'photo',
    ['DPI_OUT_OF_RANGE', 'DIMENSIONS'],
    '72 DPI: 145,7 × 187,3 mm',
    await jpegWith(413, 531, [jfif(1, 72)]),
  );
  await add(
    'photo-118dpcm.jpg',
    'photo',
    [],
    'JFIF 118 dpcm = 299,72 DPI, rounded to 300',
    await jpegWith(413, 531, [jfif(2, 118)]),
  );
  await add(
    'photo-117dpcm.jpg',
    'photo',
    ['DPI_OUT_OF_RANGE'],
    'JFIF 117 dpcm = 297 DPI',
    await jpegWith(413, 531, [jfif(2, 117)]),
  );
  await add(
    'photo-158dpcm.jpg',
    'photo',
    ['DPI_OUT_OF_RANGE'],
    'JFIF 158 dpcm = 401 DPI',
    await jpegWith(551, 709, [jfif(2, 158)], { quality: 75 }),
  );
  await add(
    'photo-exif-only-300dpi.jpg',
    'photo',
    [],
    'no JFIF, EXIF X/YResolution 300 inch',
    await jpegWith(413, 531, [exif({ xRes: [300, 1], yRes: [300, 1], unit: 2 })]),
  );
  await add(
    'photo-exif-only-no-unit.jpg',
    'photo',
    [],
    'EXIF 300 without ResolutionUnit: inches',
    await jpegWith(413, 531, [exif({ xRes: [300, 1], yRes: [300, 1] })]),
  );
  await add(
    'photo-exif-only-cm.jpg',
    'photo',
    [],
    'EXIF 11811/100 per cm = 300 DPI',
    await jpegWith(413, 531, [exif({ xRes: [11811, 100], yRes: [11811, 100], unit: 3 })]),
  );
  await add(
    'photo-exif-only-72dpi.jpg',
    'photo',
    ['DPI_OUT_OF_RANGE', 'DIMENSIONS'],
    'EXIF 72 DPI',
    await jpegWith(413, 531, [exif({ xRes: [72, 1], yRes: [72, 1], unit: 2 })]),
  );
  await add(
    'photo-no-density.jpg',
    'photo',
    ['DPI_MISSING'],
    'neither JFIF nor EXIF: sharp would say 72',
    await jpegWith(413, 531, []),
  );
  await add(
    'photo-jfif-units0.jpg',
    'photo',
    ['DPI_MISSING'],
    'JFIF units 0 (aspect ratio only)',
    await jpegWith(413, 531, [jfif(0, 1)]),
  );
  await add(
    'photo-jfif-density0.jpg',
    'photo',
    ['DPI_MISSING'],
    'JFIF units dpi but density 0',
    await jpegWith(413, 531, [jfif(1, 0)]),
  );
  await add(
    'photo-jfif-density0-exif300.jpg',
    'photo',
    [],
    'JFIF density 0 declares nothing; EXIF 300 applies',
    await jpegWith(413, 531, [jfif(1, 0), exif({ xRes: [300, 1], yRes: [300, 1], unit: 2 })]),
  );
  await add(
    'photo-jfif72-exif300.jpg',
    'photo',
    ['DPI_OUT_OF_RANGE', 'DIMENSIONS'],
    'JFIF 72 wins over EXIF 300',
    await jpegWith(413, 531, [jfif(1, 72), exif({ xRes: [300, 1], yRes: [300, 1], unit: 2 })]),
  );
  await add(
    'photo-no-density-wrong-ratio.jpg',
    'photo',
    ['DPI_MISSING', 'RATIO'],
    'no resolution: ratio on pixels, DIMENSIONS skipped',
    await jpegWith(600, 600, []),
  );

  // --- orientation ---
  await add(
    'photo-orientation6.jpg',
    'photo',
    [],
    'stored 531×413 sideways, EXIF orientation 6: displayed 413×531',
    await jpegWith(531, 413, [jfif(1, 300), exif({ orientation: 6 })]),
  );
  await add(
    'photo-orientation6-anisotropic.jpg',
    'photo',
    [],
    'stored 708×413 at 400×300 DPI, orientation 6: resolutions swap too',
    await jpegWith(708, 413, [jfif(1, 400, 300), exif({ orientation: 6 })], { quality: 75 }),
  );
  await add(
    'photo-orientation8.jpg',
    'photo',
    [],
    'orientation 8 (rotated 90° the other way)',
    await jpegWith(531, 413, [jfif(1, 300), exif({ orientation: 8 })]),
  );
  await add(
    'photo-sideways-no-orientation.jpg',
    'photo',
    ['RATIO', 'DIMENSIONS'],
    'stored 531×413 without orientation: landscape',
    await jpegWith(531, 413, J300),
  );
  await add(
    'photo-orientation3.jpg',
    'photo',
    [],
    'orientation 3 (upside down) swaps nothing',
    await jpegWith(413, 531, [jfif(1, 300), exif({ orientation: 3 })]),
  );

  // --- ratio edges (300 DPI; dimensions within tolerance) ---
  await add(
    'photo-ratio-high-inside.jpg',
    'photo',
    [],
    '454×531 px: ratio ×1,099',
    await jpegWith(454, 531, J300),
  );
  await add(
    'photo-ratio-high-outside.jpg',
    'photo',
    ['RATIO'],
    '454×530 px: ratio ×1,101',
    await jpegWith(454, 530, J300),
  );
  await add(
    'photo-ratio-low-inside.jpg',
    'photo',
    [],
    '373×532 px: ratio ×0,901',
    await jpegWith(373, 532, J300),
  );
  await add(
    'photo-ratio-low-outside.jpg',
    'photo',
    ['RATIO'],
    '373×534 px: ratio ×0,898',
    await jpegWith(373, 534, J300),
  );
  await add(
    'signature-ratio-wrong.jpg',
    'signature',
    ['RATIO', 'DIMENSIONS'],
    'square signature 295×295',
    await jpegWith(295, 295, J300, { channels: 1, pixels: signaturePixels(295, 295) }),
  );

  // --- dimension edges (300 DPI) ---
  await add(
    'photo-dims-high-inside.jpg',
    'photo',
    [],
    '454×584 px = 38,4 × 49,4 mm (+9,8 %)',
    await jpegWith(454, 584, J300),
  );
  await add(
    'photo-dims-high-outside.jpg',
    'photo',
    ['DIMENSIONS'],
    '455×585 px = 38,5 × 49,5 mm (+10,1 %)',
    await jpegWith(455, 585, J300),
  );
  await add(
    'photo-dims-low-inside.jpg',
    'photo',
    [],
    '373×479 px = 31,6 × 40,6 mm',
    await jpegWith(373, 479, J300),
  );
  await add(
    'photo-dims-low-outside.jpg',
    'photo',
    ['DIMENSIONS'],
    '372×478 px = 31,496 × 40,5 mm (−10,01 %)',
    await jpegWith(372, 478, J300),
  );
  await add(
    'signature-dims-outside.jpg',
    'signature',
    ['DIMENSIONS'],
    '331×159 px = 28,0 × 13,5 mm (+12 %)',
    await jpegWith(331, 159, J300, { channels: 1, pixels: signaturePixels(331, 159) }),
  );

  // --- format and corruption ---
  await add('empty.jpg', 'photo', ['EMPTY'], '0 bytes', Buffer.alloc(0));
  const px = portraitPixels(413, 531, 3);
  await add(
    'photo-png-renamed.jpg',
    'photo',
    ['TOO_LARGE', 'UNSUPPORTED_FORMAT'],
    'a PNG named .jpg (over 80 Ko too)',
    await sharp(px, { raw: { width: 413, height: 531, channels: 3 } })
      .png()
      .toBuffer(),
  );
  await add(
    'photo-small-png-renamed.jpg',
    'photo',
    ['UNSUPPORTED_FORMAT'],
    'a small PNG named .jpg',
    await sharp(portraitPixels(60, 80, 3), { raw: { width: 60, height: 80, channels: 3 } })
      .png()
      .toBuffer(),
  );
  await add(
    'photo-gif-renamed.jpg',
    'photo',
    ['UNSUPPORTED_FORMAT'],
    'a GIF named .jpg',
    await sharp(portraitPixels(100, 128, 3), { raw: { width: 100, height: 128, channels: 3 } })
      .gif()
      .toBuffer(),
  );
  await add(
    'photo-text-renamed.pdf',
    'photo',
    ['UNSUPPORTED_FORMAT'],
    'a text file named .pdf',
    Buffer.from('Bonjour, ceci est un texte.\n'),
  );
  const rnd = prng(42);
  const randomBytes = (n: number): Buffer =>
    Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)));
  await add(
    'photo-random-bytes.jpg',
    'photo',
    ['UNSUPPORTED_FORMAT'],
    'random bytes',
    Buffer.concat([Buffer.from([0x13, 0x37]), randomBytes(5000)]),
  );
  await add(
    'photo-truncated.jpg',
    'photo',
    ['CORRUPT'],
    'valid header, image data cut at 60 %',
    base.subarray(0, Math.floor(base.length * 0.6)),
  );
  await add(
    'photo-random-after-soi.jpg',
    'photo',
    ['CORRUPT'],
    'FF D8 FF E0 then random bytes',
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(8000)]),
  );
  const sos = base.indexOf(Buffer.from([0xff, 0xda]));
  const marked = Buffer.from(base);
  marked[sos + 600] = 0xff;
  marked[sos + 601] = 0xd9;
  await add(
    'photo-marker-in-scan.jpg',
    'photo',
    ['CORRUPT'],
    'a stray EOI marker inside the image data',
    marked,
  );
  const garbled = Buffer.from(base);
  randomBytes(3000).copy(garbled, sos + 400);
  garbled[sos + 420] = 0xff;
  garbled[sos + 421] = 0x12;
  await add(
    'photo-random-in-scan.jpg',
    'photo',
    ['CORRUPT'],
    'random bytes (with a bad marker) over the image data',
    garbled,
  );
  await add(
    'photo-60000x60000-header.jpg',
    'photo',
    ['RATIO', 'DIMENSIONS', 'TOO_MANY_PIXELS'],
    'SOF announces 60000×60000 px (3.6 Gpx): refused before decoding',
    patchSof(await jpegWith(64, 64, J300), 60_000, 60_000),
  );
  const big = await sharp(Buffer.alloc(5000 * 5000, 240), {
    raw: { width: 5000, height: 5000, channels: 1 },
  })
    .jpeg({ quality: 50, mozjpeg: true })
    .toBuffer();
  const bigJpeg = withHeader(big, J300);
  if (bigJpeg.length >= 81_920) throw new Error(`5000×5000 JPEG is ${bigJpeg.length} bytes`);
  await add(
    'photo-5000x5000-under-80k.jpg',
    'photo',
    ['RATIO', 'DIMENSIONS'],
    `a real 5000×5000 JPEG of ${bigJpeg.length} bytes: fully decoded`,
    bigJpeg,
  );

  // --- PDFs ---
  const photoJpeg = await jpegWith(413, 531, J300);
  const sigJpeg = await jpegWith(295, 142, J300, { channels: 1, pixels: sig });
  await add(
    'photo-valid.pdf',
    'photo',
    [],
    '35×45 mm page, 413×531 JPEG: 300 DPI',
    await pdfWithJpeg(photoJpeg, [35, 45]),
  );
  await add(
    'photo-valid-no-objstm.pdf',
    'photo',
    [],
    'same, classic xref table',
    await pdfWithJpeg(photoJpeg, [35, 45], { objectStreams: false }),
  );
  await add(
    'signature-valid.pdf',
    'signature',
    [],
    '25×12 mm page, 295×142 JPEG',
    await pdfWithJpeg(sigJpeg, [25, 12]),
  );
  await add(
    'photo-2-pages.pdf',
    'photo',
    ['PDF_PAGES'],
    'two pages',
    await pdfWithJpeg(photoJpeg, [35, 45], { pages: 2 }),
  );
  {
    const doc = await PDFDocument.create();
    const page = doc.addPage([35 * MM, 45 * MM]);
    page.drawRectangle({ x: 10, y: 10, width: 50, height: 80 });
    page.drawText('photo', { x: 10, y: 100, size: 8 });
    await add(
      'photo-no-image.pdf',
      'photo',
      ['PDF_NO_IMAGE'],
      'a page with vector drawing and text only',
      Buffer.from(await doc.save()),
    );
  }
  await add(
    'photo-a4.pdf',
    'photo',
    ['DPI_OUT_OF_RANGE', 'DIMENSIONS'],
    'A4 page (ratio 0,707 within 10 %): 50 DPI, 210×297 mm',
    await pdfWithJpeg(photoJpeg, [210, 297]),
  );
  await add(
    'photo-javascript.pdf',
    'photo',
    ['PDF_UNSAFE'],
    'document-level JavaScript (inside an object stream)',
    await pdfWithJpeg(photoJpeg, [35, 45], {
      edit: (d) => d.addJavaScript('hello', 'app.alert("x");'),
    }),
  );
  await add(
    'photo-javascript-escaped-name.pdf',
    'photo',
    ['PDF_UNSAFE'],
    'OpenAction /S /J#61vaScript (name written with #xx escapes), classic xref',
    await pdfWithJpeg(photoJpeg, [35, 45], {
      objectStreams: false,
      edit: (d) => {
        const action = d.context.obj({ S: 'JavaScript' });
        action.set(PDFName.of('JS'), PDFString.of('app.alert(1)'));
        d.catalog.set(PDFName.of('OpenAction'), d.context.register(action));
      },
    }),
  );
  await add(
    'photo-launch.pdf',
    'photo',
    ['PDF_UNSAFE'],
    'OpenAction /Launch',
    await pdfWithJpeg(photoJpeg, [35, 45], {
      objectStreams: false,
      edit: (d) => {
        const action = d.context.obj({ S: 'Launch' });
        action.set(PDFName.of('F'), PDFString.of('calc.exe'));
        d.catalog.set(PDFName.of('OpenAction'), action);
      },
    }),
  );
  await add(
    'photo-attachment.pdf',
    'photo',
    ['PDF_UNSAFE'],
    'an embedded file (EmbeddedFiles, /EF)',
    await pdfWithJpeg(photoJpeg, [35, 45], {
      edit: async (d) => {
        await d.attach(Buffer.from('secret'), 'notes.txt', { mimeType: 'text/plain' });
      },
    }),
  );
  {
    const valid = await pdfWithJpeg(photoJpeg, [35, 45], { objectStreams: false });
    const text = valid.toString('latin1');
    const enc = text.replace(
      'trailer\n<<',
      'trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 /O <' +
        '00'.repeat(32) +
        '> /U <' +
        '00'.repeat(32) +
        '> /P -4 >>',
    );
    await add(
      'photo-encrypted.pdf',
      'photo',
      ['PDF_UNSAFE'],
      'an /Encrypt dictionary in the trailer',
      Buffer.from(enc, 'latin1'),
    );
    await add(
      'photo-truncated.pdf',
      'photo',
      ['CORRUPT'],
      'a valid PDF cut at 70 %',
      valid.subarray(0, Math.floor(valid.length * 0.7)),
    );
    // Embedded JPEG cut in half, the PDF itself complete.
    const cut = photoJpeg.subarray(0, Math.floor(photoJpeg.length / 2));
    await add(
      'photo-pdf-truncated-jpeg.pdf',
      'photo',
      ['CORRUPT'],
      'complete PDF whose embedded JPEG is truncated',
      await pdfWithXObject([35, 45], (doc) =>
        doc.context.register(
          doc.context.stream(cut, {
            Type: 'XObject',
            Subtype: 'Image',
            Width: 413,
            Height: 531,
            ColorSpace: 'DeviceRGB',
            BitsPerComponent: 8,
            Filter: 'DCTDecode',
          }),
        ),
      ),
    );
  }
  await add(
    'photo-garbage.pdf',
    'photo',
    ['CORRUPT'],
    '%PDF- header, random body, %%EOF',
    Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4000), Buffer.from('\n%%EOF\n')]),
  );

  // Raw (Flate) image samples.
  const gray = portraitPixels(413, 531, 1, 1, 0);
  await add(
    'photo-flate-image.pdf',
    'photo',
    [],
    '413×531 DeviceGray samples, FlateDecode',
    await pdfWithXObject([35, 45], (doc) =>
      doc.context.register(
        doc.context.flateStream(gray, {
          Type: 'XObject',
          Subtype: 'Image',
          Width: 413,
          Height: 531,
          ColorSpace: 'DeviceGray',
          BitsPerComponent: 8,
        }),
      ),
    ),
  );
  await add(
    'photo-flate-image-short.pdf',
    'photo',
    ['CORRUPT'],
    'FlateDecode samples for 400 rows where 531 are declared',
    await pdfWithXObject([35, 45], (doc) =>
      doc.context.register(
        doc.context.flateStream(gray.subarray(0, 413 * 400), {
          Type: 'XObject',
          Subtype: 'Image',
          Width: 413,
          Height: 531,
          ColorSpace: 'DeviceGray',
          BitsPerComponent: 8,
        }),
      ),
    ),
  );
  await add(
    'photo-jpx-image.pdf',
    'photo',
    ['CORRUPT'],
    'a JPEG 2000 (JPXDecode) image: not an accepted decoder',
    await pdfWithXObject([35, 45], (doc) =>
      doc.context.register(
        doc.context.stream(randomBytes(2000), {
          Type: 'XObject',
          Subtype: 'Image',
          Width: 413,
          Height: 531,
          ColorSpace: 'DeviceRGB',
          BitsPerComponent: 8,
          Filter: 'JPXDecode',
        }),
      ),
    ),
  );
  await add(
    'photo-pdf-huge-image.pdf',
    'photo',
    ['DPI_OUT_OF_RANGE', 'TOO_MANY_PIXELS'],
    'image XObject announcing 60000×60000 px: never decoded',
    await pdfWithXObject([35, 45], (doc) =>
      doc.context.register(
        doc.context.stream(photoJpeg, {
          Type: 'XObject',
          Subtype: 'Image',
          Width: 60_000,
          Height: 60_000,
          ColorSpace: 'DeviceRGB',
          BitsPerComponent: 8,
          Filter: 'DCTDecode',
        }),
      ),
    ),
  );
  // Image inside a form XObject.
  await add(
    'photo-form-xobject.pdf',
    'photo',
    [],
    'the JPEG drawn through a form XObject',
    await pdfWithXObject([35, 45], (doc) => {
      const img = doc.context.register(
        doc.context.stream(photoJpeg, {
          Type: 'XObject',
          Subtype: 'Image',
          Width: 413,
          Height: 531,
          ColorSpace: 'DeviceRGB',
          BitsPerComponent: 8,
          Filter: 'DCTDecode',
        }),
      );
      const form = doc.context.flateStream('/Img Do', {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, 1, 1],
      });
      form.dict.set(PDFName.of('Resources'), doc.context.obj({ XObject: { Img: img } }));
      return doc.context.register(form);
    }),
  );
  // Inline image (BI … ID … EI) holding the JPEG.
  {
    const doc = await PDFDocument.create();
    const w = 35 * MM;
    const h = 45 * MM;
    const page = doc.addPage([w, h]);
    const content = Buffer.concat([
      Buffer.from(
        `q ${w.toFixed(4)} 0 0 ${h.toFixed(4)} 0 0 cm\nBI /W 413 /H 531 /CS /RGB /BPC 8 /F /DCT ID `,
        'latin1',
      ),
      photoJpeg,
      Buffer.from('\nEI Q\n', 'latin1'),
    ]);
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(content, {})));
    await add(
      'photo-inline-image.pdf',
      'photo',
      [],
      'the JPEG as an inline image (BI/ID/EI)',
      Buffer.from(await doc.save({ useObjectStreams: false })),
    );
  }
  // Page geometry.
  await add(
    'photo-rotate90.pdf',
    'photo',
    [],
    '45×35 mm MediaBox with /Rotate 90 and a 531×413 image: displayed 35×45',
    await pdfWithJpeg(await jpegWith(531, 413, J300), [45, 35], {
      edit: (d) => d.getPages()[0].setRotation({ type: 'degrees', angle: 90 } as never),
    }),
  );
  await add(
    'photo-rotate90-unrotated-size.pdf',
    'photo',
    ['RATIO', 'DIMENSIONS'],
    '35×45 mm MediaBox with /Rotate 90: displayed 45×35',
    await pdfWithJpeg(photoJpeg, [35, 45], {
      edit: (d) => d.getPages()[0].node.set(PDFName.of('Rotate'), PDFNumber.of(270)),
    }),
  );
  await add(
    'photo-cropbox.pdf',
    'photo',
    [],
    'A4 MediaBox, CropBox of 35×45 mm around the image',
    await pdfWithJpeg(photoJpeg, [210, 297], {
      edit: (d) => {
        const p = d.getPages()[0];
        p.node.set(
          PDFName.of('Contents'),
          d.context.register(
            d.context.flateStream(
              `q ${(35 * MM).toFixed(4)} 0 0 ${(45 * MM).toFixed(4)} 100 200 cm /Image-1-0 Do Q`,
            ),
          ),
        );
        p.setCropBox(100, 200, 35 * MM, 45 * MM);
      },
    }),
  );
  await add(
    'photo-cropbox-outside-mediabox.pdf',
    'photo',
    [],
    'CropBox larger than the 35×45 mm MediaBox: clipped to it',
    await pdfWithJpeg(photoJpeg, [35, 45], {
      edit: (d) => d.getPages()[0].setCropBox(-50, -50, 500, 500),
    }),
  );
  await add(
    'photo-userunit.pdf',
    'photo',
    [],
    'MediaBox of 17,5×22,5 mm in user units of 2/72 in: 35×45 mm',
    await pdfWithJpeg(photoJpeg, [17.5, 22.5], {
      edit: (d) => d.getPages()[0].node.set(PDFName.of('UserUnit'), PDFNumber.of(2)),
    }),
  );
  // Reference loops: a form XObject drawing itself, and a page tree that contains itself.
  await add(
    'photo-form-loop.pdf',
    'photo',
    [],
    'a form XObject whose resources point to itself, plus the image',
    await pdfWithXObject([35, 45], (doc) => {
      const img = doc.context.register(
        doc.context.stream(photoJpeg, {
          Type: 'XObject',
          Subtype: 'Image',
          Width: 413,
          Height: 531,
          ColorSpace: 'DeviceRGB',
          BitsPerComponent: 8,
          Filter: 'DCTDecode',
        }),
      );
      const form = doc.context.flateStream('/Self Do /Img Do', {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, 1, 1],
      });
      const ref = doc.context.register(form);
      form.dict.set(PDFName.of('Resources'), doc.context.obj({ XObject: { Self: ref, Img: img } }));
      return ref;
    }),
  );
  await add(
    'photo-page-tree-loop.pdf',
    'photo',
    [],
    'the page tree lists itself among its kids (loop ignored, one page)',
    await pdfWithJpeg(photoJpeg, [35, 45], {
      objectStreams: false,
      edit: (d) => {
        const pagesRef = d.catalog.get(PDFName.of('Pages'));
        const pages = d.context.lookup(pagesRef) as PDFDict;
        (pages.get(PDFName.of('Kids')) as PDFArray).push(pagesRef as never);
      },
    }),
  );

  // Decompression bombs.
  const inner = await zerosZlib(2048); // 2 GiB of zeros, ~2 MiB deflated
  const twice = deflateSync(inner, { level: 9 });
  await add(
    'photo-bomb-content-2gib.pdf',
    'photo',
    ['CORRUPT'],
    `a content stream /FlateDecode /FlateDecode of ${twice.length} bytes inflating to 2 GiB`,
    handPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 99.2126 127.5591] /Contents 4 0 R >>',
      streamObj('/Filter [/FlateDecode /FlateDecode]', twice),
    ]),
  );
  await add(
    'photo-bomb-objstm-2gib.pdf',
    'photo',
    ['CORRUPT'],
    'an object stream (decoded by pdf-lib on load) double-deflated to 2 GiB',
    handPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 99.2126 127.5591] >>',
      streamObj('/Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /FlateDecode]', twice),
    ]),
  );
  const inner64 = await zerosZlib(64);
  await add(
    'photo-bomb-image-64mib.pdf',
    'photo',
    ['CORRUPT'],
    'a Flate image stream inflating to 64 MiB (over the 48 MiB budget)',
    handPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 99.2126 127.5591] /Resources << /XObject << /Im1 4 0 R >> >> >>',
      streamObj(
        '/Type /XObject /Subtype /Image /Width 4096 /Height 4096 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter [/FlateDecode /FlateDecode]',
        deflateSync(inner64),
      ),
    ]),
  );

  const manifest: CorpusManifest = { generatedBy: 'tools/corpus/make-corpus.ts', files };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

// Unused import guards for helpers kept for future cases.
void PDFRawStream;
void PDFHexString;

if (require.main === module) {
  const out = process.argv[2] ?? 'tmp/corpus';
  generateCorpus(out)
    .then((m) => {
      process.stdout.write(
        `${m.files.length} fichiers écrits dans ${resolve(out)} (manifest.json)\n`,
      );
    })
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exit(1);
    });
}
