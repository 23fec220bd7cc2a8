import { deflateSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import {
  checkImage,
  HARD_CAP_BYTES,
  measureImage,
  normaliseForDisplay,
  PdfWorkerPool,
  resolveWorkerPath,
  sha256,
  shutdownFaceWorker,
  shutdownPdfWorkers,
} from './index';
import { declaredResolution, parseExifTiff, parseJpegHeader } from './jpeg';
import { detectFormat } from './format';
import { prescanPdf } from './pdf-prescan';
import { decodePdfName } from './pdf-names';

const codes = async (b: Buffer, kind: 'photo' | 'signature' = 'photo') =>
  (await checkImage(b, kind)).errors.map((e) => e.code);

function minimalPdf(objects: string[], trailer = ''): Buffer {
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

afterAll(() => Promise.all([shutdownPdfWorkers(), shutdownFaceWorker()]));

describe('format detection', () => {
  it('uses magic bytes only', () => {
    expect(detectFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({
      format: 'jpeg',
      detected: 'jpeg',
    });
    expect(detectFormat(Buffer.from('%PDF-1.4'))).toEqual({ format: 'pdf', detected: 'pdf' });
    expect(detectFormat(Buffer.from(' %PDF-1.4'))).toMatchObject({ format: null });
    expect(detectFormat(Buffer.from('GIF89a...'))).toMatchObject({ format: null, detected: 'gif' });
    expect(detectFormat(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toMatchObject({ detected: 'webp' });
    expect(
      detectFormat(Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63])),
    ).toMatchObject({ detected: 'heic' });
  });
});

describe('JPEG header parsing', () => {
  it('reads JFIF, EXIF and SOF, and never reads past the buffer', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } })
      .jpeg()
      .withMetadata({ density: 300, orientation: 6 })
      .toBuffer();
    const r = parseJpegHeader(jpeg);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.header).toMatchObject({ width: 40, height: 30 });
      expect(r.header.exif?.orientation).toBe(6);
      expect(declaredResolution(r.header)).toMatchObject({ dpiX: 300, dpiY: 300 });
    }
    for (let cut = 0; cut < 200; cut++)
      expect(() => parseJpegHeader(jpeg.subarray(0, cut))).not.toThrow();
  });

  it('EXIF unit 1 (no absolute unit) declares nothing; a single axis stands for both', () => {
    const h = { width: 1, height: 1, jfif: null };
    expect(
      declaredResolution({
        ...h,
        exif: { xResolution: 300, yResolution: 300, resolutionUnit: 1, orientation: null },
      }),
    ).toBeNull();
    expect(
      declaredResolution({
        ...h,
        exif: { xResolution: 300, yResolution: null, resolutionUnit: 2, orientation: null },
      }),
    ).toMatchObject({ dpiX: 300, dpiY: 300 });
    expect(
      declaredResolution({
        ...h,
        exif: { xResolution: 118, yResolution: 118, resolutionUnit: 3, orientation: null },
      })?.dpiX,
    ).toBeCloseTo(299.72, 2);
    expect(parseExifTiff(Buffer.from('MM\0*\xff\xff\xff\xff', 'latin1'))).toBeNull();
  });
});

describe('hard cap and pixel bombs', () => {
  it('parses nothing past HARD_CAP_BYTES', async () => {
    const b = Buffer.alloc(HARD_CAP_BYTES + 1);
    b.write('%PDF-1.7', 0, 'latin1');
    const m = await measureImage(b);
    expect(m).toMatchObject({ format: 'pdf', analysed: false, pdfPages: null });
    expect(await codes(b)).toEqual(['TOO_LARGE']);
  });

  it('refuses a 65535×65535 SOF before decoding', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .jpeg()
      .withMetadata({ density: 300 })
      .toBuffer();
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(65535, sof + 5);
    jpeg.writeUInt16BE(65535, sof + 7);
    expect(await codes(jpeg)).toContain('TOO_MANY_PIXELS');
  });
});

describe('PDF defences', () => {
  it('decodes #xx escapes in names', () => {
    expect(decodePdfName('J#61vaScript')).toBe('JavaScript');
    expect(decodePdfName('E#46')).toBe('EF');
  });

  it('the pre-scan stops a nested bomb at the budget', async () => {
    const inner = deflateSync(Buffer.alloc(64 * 1024 * 1024));
    const pdf = minimalPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [] /Count 0 >>',
      `<< /Length ${inner.length} /Filter [/FlateDecode /FlateDecode] >>\nstream\n${deflateSync(inner).toString('latin1')}\nendstream`,
    ]);
    const scan = await prescanPdf(pdf, 8 * 1024 * 1024);
    expect(scan.bomb).toBe(true);
    expect(scan.inflatedBytes).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  it('refuses LZW object streams (pdf-lib would decode them unbounded)', async () => {
    const pdf = minimalPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [] /Count 0 >>',
      '<< /Type /ObjStm /N 0 /First 0 /Length 1 /Filter /LZWDecode >>\nstream\nA\nendstream',
    ]);
    expect((await measureImage(pdf)).corrupt).toBe('pdf-filter');
  });

  it('survives a page tree that loops on itself and a Kids chain', async () => {
    const pdf = minimalPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>',
      '<< /Type /Pages /Kids [2 0 R 3 0 R] >>',
    ]);
    const m = await measureImage(pdf);
    expect(m.pdfPages).toBe(0);
    expect(await codes(pdf)).toEqual(['PDF_PAGES']);
  });

  it('a page without MediaBox cannot be measured: CORRUPT', async () => {
    const pdf = minimalPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R >>',
    ]);
    expect(await codes(pdf)).toEqual(['CORRUPT']);
  });

  it('finds unsafe names in annotations and actions', async () => {
    const pdf = minimalPdf([
      '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 99.21 127.56] /Annots [<< /Subtype /FileAttachment >> << /A << /S /SubmitForm >> >> << /A << /S /GoToR >> >> << /A << /S /ImportData >> >>] >>',
      '<< /Names [] >>',
    ]);
    expect((await measureImage(pdf)).unsafe).toEqual([
      'submit-form',
      'import-data',
      'remote-goto',
      'embedded-file',
    ]);
  });

  it('names that are also JavaScript property names (/constructor, /__proto__…) are only names', async () => {
    const pdf = minimalPdf([
      '<< /Type /Catalog /Pages 2 0 R /constructor /toString >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 99.21 127.56] /__proto__ /hasOwnProperty /valueOf << /S /isPrototypeOf >> >>',
    ]);
    const measured = await measureImage(pdf);
    expect(measured.corrupt).toBeNull();
    expect(measured.unsafe).toEqual([]);
    expect(measured.pdfPages).toBe(1);
  });

  it('a worker past its time budget is terminated and replaced', async () => {
    const pool = new PdfWorkerPool(1, 1);
    const pdf = minimalPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [] /Count 0 >>',
    ]);
    // A large (but legal) file so parsing takes more than 1 ms.
    const padded = Buffer.concat([
      pdf.subarray(0, 9),
      Buffer.from(`% ${'x'.repeat(80)}\n`.repeat(60_000)),
      pdf.subarray(9),
    ]);
    const outcomes = await Promise.all([pool.run(padded, 1 << 20), pool.run(padded, 1 << 20)]);
    expect(outcomes.map((o) => o.status)).toEqual(['timeout', 'timeout']);
    await pool.close();
  });

  it('locates the worker file from the sources', () => {
    expect(existsSync(resolveWorkerPath())).toBe(true);
  });
});

describe('display derivative and hash', () => {
  it('applies the orientation and drops EXIF/XMP/GPS', async () => {
    const jpeg = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#a55' } })
      .jpeg()
      .withMetadata({ orientation: 6, density: 300 })
      .withExif({
        IFD0: { Artist: 'Chauffeur', Copyright: 'x' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' },
      })
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF></x:xmpmeta>',
      )
      .toBuffer();
    const before = await sharp(jpeg).metadata();
    expect(before.exif).toBeDefined();
    const out = await normaliseForDisplay(jpeg, await measureImage(jpeg));
    expect(out).not.toBeNull();
    const after = await sharp(out as Buffer).metadata();
    expect([after.width, after.height]).toEqual([40, 60]);
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect((out as Buffer).includes(Buffer.from('Chauffeur'))).toBe(false);
  });

  it('sha256 is the hex digest', () => {
    expect(sha256(Buffer.from('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
