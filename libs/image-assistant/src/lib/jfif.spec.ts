import fc from 'fast-check';
import { declaredResolution, parseJpegHeader } from '@t3p/image-rules';
import { isBaselineJpeg, jfifSegment, setJfifDensity } from './jfif';

const seg = (marker: number, payload: number[]) => [
  0xff,
  marker,
  (payload.length + 2) >> 8,
  (payload.length + 2) & 0xff,
  ...payload,
];
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const jfif0 = seg(0xe0, [...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const exif = seg(0xe1, [...ascii('Exif\0\0'), ...ascii('MM'), 0, 42, 0, 0, 0, 8, 0, 0]);
const dqt = seg(0xdb, [0, ...new Array(64).fill(1)]);
const sof0 = seg(0xc0, [8, 0x02, 0x13, 0x01, 0x9d, 1, 1, 0x11, 0]); // 413 × 531
const sof2 = seg(0xc2, [8, 0x02, 0x13, 0x01, 0x9d, 1, 1, 0x11, 0]);
const sos = seg(0xda, [1, 1, 0, 0, 63, 0]);
const scan = [0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78];
const eoi = [0xff, 0xd9];
const jpeg = (...parts: number[][]) => Uint8Array.from([0xff, 0xd8, ...parts.flat()]);

function tailFrom(b: Uint8Array, marker: number): number[] {
  for (let i = 2; i + 1 < b.length; i++)
    if (b[i] === 0xff && b[i + 1] === marker) return Array.from(b.subarray(i));
  return [];
}

describe('setJfifDensity', () => {
  it('replaces the canvas export’s JFIF (units 0, 1:1) by 300 dpi, leaving the image data byte for byte', () => {
    const input = jpeg(jfif0, dqt, sof0, sos, scan, eoi);
    const r = setJfifDensity(input, 300);
    if (!r.ok) throw new Error(r.reason);
    const parsed = parseJpegHeader(r.bytes);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.header.jfif).toEqual({ units: 1, xDensity: 300, yDensity: 300 });
    expect(declaredResolution(parsed.header)).toEqual({ dpiX: 300, dpiY: 300, source: 'jfif' });
    expect(tailFrom(r.bytes, 0xdb)).toEqual(tailFrom(input, 0xdb));
    expect(r.bytes.length).toBe(input.length);
  });

  it('inserts a JFIF segment after SOI when there is none, and drops EXIF', () => {
    const input = jpeg(exif, dqt, sof0, sos, scan, eoi);
    const r = setJfifDensity(input, 343, 343);
    if (!r.ok) throw new Error(r.reason);
    expect(Array.from(r.bytes.subarray(2, 20))).toEqual(Array.from(jfifSegment(343, 343)));
    const parsed = parseJpegHeader(r.bytes);
    expect(parsed.ok && parsed.header.exif).toBe(null);
    expect(parsed.ok && parsed.header.jfif).toEqual({ units: 1, xDensity: 343, yDensity: 343 });
  });

  it('refuses what is not a JPEG, and a cut header, without throwing', () => {
    expect(setJfifDensity(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), 300).ok).toBe(false);
    expect(setJfifDensity(jpeg(dqt.slice(0, 10)), 300).ok).toBe(false);
    expect(setJfifDensity(jpeg(dqt, sof0), 300).ok).toBe(false);
  });

  it('rejects densities a JFIF field cannot hold', () => {
    expect(() => jfifSegment(0, 300)).toThrow(RangeError);
    expect(() => jfifSegment(300.5, 300)).toThrow(RangeError);
    expect(() => jfifSegment(70000, 300)).toThrow(RangeError);
  });

  it('tells a baseline JPEG from a progressive one', () => {
    expect(isBaselineJpeg(jpeg(jfif0, dqt, sof0, sos, scan, eoi))).toBe(true);
    expect(isBaselineJpeg(jpeg(jfif0, dqt, sof2, sos, scan, eoi))).toBe(false);
    expect(isBaselineJpeg(Uint8Array.from([1, 2, 3]))).toBe(false);
  });

  it('property: any density 1–65535 reads back exactly, any garbage never throws', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 65535 }),
        fc.integer({ min: 1, max: 65535 }),
        (x, y) => {
          const r = setJfifDensity(jpeg(jfif0, exif, dqt, sof0, sos, scan, eoi), x, y);
          const parsed = r.ok ? parseJpegHeader(r.bytes) : null;
          expect(parsed?.ok && parsed.header.jfif).toEqual({ units: 1, xDensity: x, yDensity: y });
        },
      ),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = setJfifDensity(Uint8Array.from([0xff, 0xd8, ...bytes]), 300);
        if (r.ok) expect(parseJpegHeader(r.bytes).ok || true).toBe(true);
      }),
    );
  });
});
