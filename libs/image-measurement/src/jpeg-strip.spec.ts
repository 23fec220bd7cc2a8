import sharp from 'sharp';
import { measureImage, normaliseForDisplay } from './index';
import { stripJpegMetadata } from './jpeg-strip';

const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF></x:xmpmeta>';

/** A JPEG full of personal metadata: EXIF with a name and GPS, XMP, an ICC profile, a comment, bytes after EOI. */
async function taggedJpeg(progressive: boolean): Promise<Buffer> {
  // A gradient from raw pixels (the measurement blocks every file loader but the JPEG one).
  const width = 96;
  const height = 120;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++)
    raw.set([(i % width) * 2, Math.floor(i / width) * 2, (i * 7) % 256], i * 3);
  const jpeg = await sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ progressive })
    .withMetadata({ density: 300 })
    .withExif({
      IFD0: { Artist: 'Chauffeur Dupont' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' },
    })
    .withXmp(XMP)
    .toBuffer();
  const comment = Buffer.concat([
    Buffer.from([0xff, 0xfe, 0x00, 0x12]),
    Buffer.from('Olivier Dupont..'),
  ]);
  return Buffer.concat([
    jpeg.subarray(0, 2),
    comment,
    jpeg.subarray(2),
    Buffer.from('trailing secret'),
  ]);
}

const pixels = async (bytes: Buffer) => (await sharp(bytes).raw().toBuffer()).toString('base64');

describe('stripJpegMetadata', () => {
  for (const progressive of [false, true]) {
    it(`keeps the ${progressive ? 'progressive' : 'baseline'} image bit for bit and drops every personal metadata`, async () => {
      const tagged = await taggedJpeg(progressive);
      const stripped = stripJpegMetadata(tagged);
      expect(stripped).not.toBeNull();
      const out = stripped as Buffer;
      expect(await pixels(out)).toBe(await pixels(tagged));
      const metadata = await sharp(out).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.icc).toBeDefined();
      for (const secret of ['Chauffeur Dupont', 'Olivier Dupont', 'trailing secret', 'GPS'])
        expect(out.includes(Buffer.from(secret))).toBe(false);
      expect(out.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    });
  }

  it('adds no JFIF header where there was none (in an Adobe RGB file it would change the colours)', async () => {
    const tagged = await taggedJpeg(false);
    expect(tagged.includes(Buffer.from('JFIF'))).toBe(false);
    expect((stripJpegMetadata(tagged) as Buffer).includes(Buffer.from('JFIF'))).toBe(false);
  });

  it('keeps the JFIF density but not its thumbnail', async () => {
    const tagged = await taggedJpeg(false);
    // JFIF 1.02, 300 × 300 dpi, with a 1 × 1 thumbnail of a telltale colour.
    const jfif = Buffer.from([
      0xff, 0xe0, 0x00, 0x13, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x02, 0x01, 0x01, 0x2c, 0x01,
      0x2c, 0x01, 0x01, 0xab, 0xcd, 0xef,
    ]);
    const withJfif = Buffer.concat([tagged.subarray(0, 2), jfif, tagged.subarray(2)]);
    const out = stripJpegMetadata(withJfif) as Buffer;
    expect(out.subarray(2, 20)).toEqual(
      Buffer.from([
        0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x02, 0x01, 0x01, 0x2c, 0x01,
        0x2c, 0x00, 0x00,
      ]),
    );
    expect(out.includes(Buffer.from([0xab, 0xcd, 0xef]))).toBe(false);
    expect((await sharp(out).metadata()).density).toBe(300);
    expect(await pixels(out)).toBe(await pixels(tagged));
  });

  it('refuses what is not a whole JPEG', async () => {
    const tagged = await taggedJpeg(false);
    expect(stripJpegMetadata(tagged.subarray(0, tagged.length - 400))).toBeNull();
    expect(stripJpegMetadata(Buffer.from('not a jpeg'))).toBeNull();
    expect(stripJpegMetadata(Buffer.alloc(0))).toBeNull();
  });

  it('is what the display derivative of an upright JPEG is made of', async () => {
    const tagged = await taggedJpeg(false);
    const display = await normaliseForDisplay(tagged, await measureImage(tagged));
    expect(display).toEqual(stripJpegMetadata(tagged));
  });
});
