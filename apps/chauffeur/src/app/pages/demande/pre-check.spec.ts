import { HARD_CAP_BYTES, preCheck, routeFile, sniffFormat } from './pre-check';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new Uint8Array(Array.from(text, (c) => c.charCodeAt(0)));
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10);

describe('pre-check in the browser', () => {
  it('recognises the format by its magic bytes only', () => {
    expect(sniffFormat(JPEG).format).toBe('jpeg');
    expect(sniffFormat(ascii('%PDF-1.7')).format).toBe('pdf');
    expect(sniffFormat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a))).toEqual({
      format: null,
      detected: 'png',
    });
    expect(sniffFormat(ascii('....ftypheic')).detected).toBe('heic');
    expect(sniffFormat(ascii('hello')).detected).toBe('unknown');
  });

  it('passes a JPEG or PDF within the weight on to the server', () => {
    const check = preCheck(JPEG, 40_000, 'photo');
    expect(check.verdict.errors).toEqual([]);
    expect(check.final).toBe(false);
  });

  it('refuses at once an empty file and another format, with the engine’s messages', () => {
    expect(preCheck(new Uint8Array(), 0, 'photo')).toMatchObject({
      final: true,
      verdict: { errors: [{ code: 'EMPTY' }] },
    });
    const png = preCheck(bytes(0x89, 0x50, 0x4e, 0x47), 1000, 'signature');
    expect(png.final).toBe(true);
    expect(png.verdict.errors[0].code).toBe('UNSUPPORTED_FORMAT');
    expect(png.verdict.errors[0].message).toContain('PNG');
  });

  it('uses the nominal weights: 80 Ko for a photo, 50 Ko for a signature (1 Ko = 1,024 bytes)', () => {
    expect(preCheck(JPEG, 80 * 1024, 'photo').verdict.errors).toEqual([]);
    expect(preCheck(JPEG, 80 * 1024 + 1, 'photo').verdict.errors.map((e) => e.code)).toEqual([
      'TOO_LARGE',
    ]);
    expect(preCheck(JPEG, 50 * 1024 + 1, 'signature').verdict.errors.map((e) => e.code)).toEqual([
      'TOO_LARGE',
    ]);
  });

  it('still sends a file that is only too heavy (the server tells everything), not one past the hard cap', () => {
    expect(preCheck(JPEG, 200_000, 'photo').final).toBe(false);
    expect(preCheck(JPEG, HARD_CAP_BYTES + 1, 'photo').final).toBe(true);
  });
});

describe('routeFile: send as it is, open the assistant, or refuse', () => {
  const seg = (marker: number, payload: number[]) => [
    0xff,
    marker,
    (payload.length + 2) >> 8,
    (payload.length + 2) & 0xff,
    ...payload,
  ];
  const jfif = (units: number, d: number) =>
    seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 2, units, d >> 8, d & 0xff, d >> 8, d & 0xff, 0, 0]);
  const sof = (w: number, h: number) =>
    seg(0xc0, [8, h >> 8, h & 0xff, w >> 8, w & 0xff, 1, 1, 0x11, 0]);
  const sos = seg(0xda, [1, 1, 0, 0, 63, 0]);
  const jpeg = (...parts: number[][]) => new Uint8Array([0xff, 0xd8, ...parts.flat(), 0, 0]);

  it('sends unchanged a JPEG whose header passes (413 × 531 at 300 DPI, 40 Ko)', () => {
    expect(routeFile(jpeg(jfif(1, 300), sof(413, 531), sos), 40_000, 'photo').to).toBe('send');
  });

  it('opens the assistant for a phone photo (3024 × 4032 at 72 DPI, 3 MB) and says why', () => {
    const r = routeFile(jpeg(jfif(1, 72), sof(3024, 4032), sos), 3_000_000, 'photo');
    expect(r.to).toBe('assistant');
    expect(r.verdict?.errors.map((e) => e.code)).toEqual([
      'TOO_LARGE',
      'DPI_OUT_OF_RANGE',
      'DIMENSIONS',
    ]);
  });

  it('opens the assistant for a 413 × 531 file tagged 72 DPI, for a JPEG past the server’s cap, and for PNG/WebP/HEIC', () => {
    expect(routeFile(jpeg(jfif(1, 72), sof(413, 531), sos), 40_000, 'photo').to).toBe('assistant');
    expect(routeFile(jpeg(jfif(1, 300), sof(413, 531), sos), HARD_CAP_BYTES + 1, 'photo').to).toBe(
      'assistant',
    );
    const png = routeFile(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a), 500_000, 'photo');
    expect(png.to).toBe('assistant');
    expect(png.verdict?.errors.map((e) => e.code)).toEqual(['TOO_LARGE', 'UNSUPPORTED_FORMAT']);
    expect(routeFile(ascii('RIFF....WEBPVP8 '), 500_000, 'signature').to).toBe('assistant');
    expect(routeFile(ascii('....ftypheic'), 2_000_000, 'photo').to).toBe('assistant');
  });

  it('sends a PDF to the server as before, refuses an empty file or a text file', () => {
    expect(routeFile(ascii('%PDF-1.7'), 30_000, 'photo').to).toBe('send');
    expect(routeFile(new Uint8Array(), 0, 'photo').to).toBe('refuse');
    expect(routeFile(ascii('hello world'), 11, 'photo').to).toBe('refuse');
  });
});
