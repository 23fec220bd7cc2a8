import { HARD_CAP_BYTES, preCheck, sniffFormat } from './pre-check';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new Uint8Array(Array.from(text, (c) => c.charCodeAt(0)));
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10);

describe('pre-check in the browser', () => {
  it('recognises the format by its magic bytes only', () => {
    expect(sniffFormat(JPEG).format).toBe('jpeg');
    expect(sniffFormat(ascii('%PDF-1.7')).format).toBe('pdf');
    expect(sniffFormat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a))).toEqual({ format: null, detected: 'png' });
    expect(sniffFormat(ascii('....ftypheic')).detected).toBe('heic');
    expect(sniffFormat(ascii('hello')).detected).toBe('unknown');
  });

  it('passes a JPEG or PDF within the weight on to the server', () => {
    const check = preCheck(JPEG, 40_000, 'photo');
    expect(check.verdict.errors).toEqual([]);
    expect(check.final).toBe(false);
  });

  it('refuses at once an empty file and another format, with the engine’s messages', () => {
    expect(preCheck(new Uint8Array(), 0, 'photo')).toMatchObject({ final: true, verdict: { errors: [{ code: 'EMPTY' }] } });
    const png = preCheck(bytes(0x89, 0x50, 0x4e, 0x47), 1000, 'signature');
    expect(png.final).toBe(true);
    expect(png.verdict.errors[0].code).toBe('UNSUPPORTED_FORMAT');
    expect(png.verdict.errors[0].message).toContain('PNG');
  });

  it('uses the nominal weights: 80 Ko for a photo, 50 Ko for a signature (1 Ko = 1,024 bytes)', () => {
    expect(preCheck(JPEG, 80 * 1024, 'photo').verdict.errors).toEqual([]);
    expect(preCheck(JPEG, 80 * 1024 + 1, 'photo').verdict.errors.map((e) => e.code)).toEqual(['TOO_LARGE']);
    expect(preCheck(JPEG, 50 * 1024 + 1, 'signature').verdict.errors.map((e) => e.code)).toEqual(['TOO_LARGE']);
  });

  it('still sends a file that is only too heavy (the server tells everything), not one past the hard cap', () => {
    expect(preCheck(JPEG, 200_000, 'photo').final).toBe(false);
    expect(preCheck(JPEG, HARD_CAP_BYTES + 1, 'photo').final).toBe(true);
  });
});
