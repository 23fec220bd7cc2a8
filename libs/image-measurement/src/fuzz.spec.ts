import fc from 'fast-check';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { ERROR_CODES } from '@t3p/image-rules';
import { checkImage, shutdownFaceWorker, shutdownPdfWorkers } from './index';

/** Safety net only (a hang or a blow-up), not a performance threshold. */
const GENEROUS_BOUND_MS = 5000;

async function validJpeg(): Promise<Buffer> {
  const w = 120;
  const h = 154;
  const raw = Buffer.alloc(w * h * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 31 + (i >> 7)) & 0xff;
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 80 })
    .withMetadata({ density: 300 })
    .toBuffer();
}

async function validPdf(jpeg: Buffer, objectStreams: boolean): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const img = await doc.embedJpg(new Uint8Array(jpeg)); // own ArrayBuffer (pdf-lib ignores byteOffset)
  const page = doc.addPage([99.21, 127.56]);
  page.drawImage(img, { x: 0, y: 0, width: 99.21, height: 127.56 });
  return Buffer.from(await doc.save({ useObjectStreams: objectStreams }));
}

type Mutation =
  | { op: 'set'; at: number; value: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'delete'; at: number; len: number }
  | { op: 'duplicate'; at: number; len: number };

const mutation = fc.oneof(
  fc.record({
    op: fc.constant('set' as const),
    at: fc.nat(),
    value: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({
    op: fc.constant('delete' as const),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 256 }),
  }),
  fc.record({
    op: fc.constant('duplicate' as const),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 512 }),
  }),
);

function mutate(input: Buffer, ms: Mutation[]): Buffer {
  let b = Buffer.from(input);
  for (const m of ms) {
    if (b.length === 0) break;
    const at = m.at % b.length;
    switch (m.op) {
      case 'set':
        b[at] = m.value;
        break;
      case 'truncate':
        b = b.subarray(0, at);
        break;
      case 'insert':
        b = Buffer.concat([b.subarray(0, at), m.bytes, b.subarray(at)]);
        break;
      case 'delete':
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.len)]);
        break;
      case 'duplicate':
        b = Buffer.concat([b.subarray(0, at + m.len), b.subarray(at)]);
        break;
    }
  }
  return b;
}

/** Mutations biased towards the header, where the parsers live. */
const headerBiased = (ms: Mutation[]): Mutation[] => ms.map((m) => ({ ...m, at: m.at % 600 }));

describe('property: any mutation of a valid file gets a verdict', () => {
  let jpeg: Buffer;
  let pdfs: Buffer[];

  beforeAll(async () => {
    jpeg = await validJpeg();
    pdfs = [await validPdf(jpeg, true), await validPdf(jpeg, false)];
  });

  afterAll(() => Promise.all([shutdownPdfWorkers(), shutdownFaceWorker()]));

  async function holds(bytes: Buffer, kind: 'photo' | 'signature'): Promise<void> {
    const started = performance.now();
    const v = await checkImage(bytes, kind);
    expect(performance.now() - started).toBeLessThan(GENEROUS_BOUND_MS);
    expect(v.kind).toBe(kind);
    expect(Array.isArray(v.errors)).toBe(true);
    expect(v.warnings).toEqual([]);
    expect(v.valid).toBe(v.errors.length === 0);
    for (const e of v.errors) expect(ERROR_CODES).toContain(e.code);
    expect(v.measured.bytes).toBe(bytes.length);
  }

  it('JPEG mutations (header-biased and anywhere)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom('photo' as const, 'signature' as const),
        async (ms, biased, kind) => {
          await holds(mutate(jpeg, biased ? headerBiased(ms) : ms), kind);
        },
      ),
      { numRuns: 250, seed: 20_260_301 },
    );
  }, 60_000);

  it('PDF mutations (with and without object streams)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(0, 1),
        async (ms, which) => {
          await holds(mutate(pdfs[which], ms), 'photo');
        },
      ),
      { numRuns: 200, seed: 20_260_302 },
    );
  }, 60_000);

  it('arbitrary bytes behind JPEG and PDF signatures', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('jpeg', 'pdf'),
        fc.uint8Array({ maxLength: 4096 }),
        async (kind, tail) => {
          const head =
            kind === 'jpeg' ? Buffer.from([0xff, 0xd8, 0xff]) : Buffer.from('%PDF-1.7\n');
          await holds(Buffer.concat([head, tail]), 'photo');
        },
      ),
      { numRuns: 150, seed: 20_260_303 },
    );
  }, 60_000);
});
