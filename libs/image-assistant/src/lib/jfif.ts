import { readJpegSegment, startsWithAscii } from '@t3p/image-rules';

const APP0 = 0xe0;
const APP1 = 0xe1;
const SOS = 0xda;
const MAX_HEADER_SEGMENTS = 512;

export type JfifResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** A JFIF 1.02 APP0 segment: density in dots per inch on both axes, no thumbnail. */
export function jfifSegment(dpiX: number, dpiY: number): Uint8Array {
  for (const d of [dpiX, dpiY]) {
    if (!Number.isInteger(d) || d < 1 || d > 0xffff)
      throw new RangeError(`density ${d} is not a whole number of 1–65535 dpi`);
  }
  return Uint8Array.from([
    0xff,
    APP0,
    0x00,
    0x10,
    0x4a,
    0x46,
    0x49,
    0x46,
    0x00,
    0x01,
    0x02,
    0x01,
    dpiX >> 8,
    dpiX & 0xff,
    dpiY >> 8,
    dpiY & 0xff,
    0x00,
    0x00,
  ]);
}

/**
 * Writes the resolution into a JPEG byte stream (what a browser's canvas export lacks): the
 * JFIF APP0 segment is replaced when present, inserted right after SOI otherwise; EXIF/XMP APP1
 * segments, if any, are dropped (no camera data, no GPS). The compressed image is not touched:
 * everything from the first scan on is copied byte for byte. Never throws on bad input.
 */
export function setJfifDensity(jpeg: Uint8Array, dpiX: number, dpiY: number = dpiX): JfifResult {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8)
    return { ok: false, reason: 'not a JPEG (no SOI)' };
  const kept: Uint8Array[] = [];
  let pos = 2;
  for (let count = 0; count < MAX_HEADER_SEGMENTS; count++) {
    const segment = readJpegSegment(jpeg, pos);
    if (!segment.ok) return segment;
    const { marker, start, end, data } = segment;
    if (marker === SOS) {
      const parts = [jpeg.subarray(0, 2), jfifSegment(dpiX, dpiY), ...kept, jpeg.subarray(start)];
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.length;
      }
      return { ok: true, bytes: out };
    }
    if (data === null)
      return { ok: false, reason: `marker 0x${marker.toString(16)} before the scan` };
    const isJfif = marker === APP0 && startsWithAscii(data, 0, 'JFIF\0');
    if (!isJfif && marker !== APP1) kept.push(jpeg.subarray(start, end));
    pos = end;
  }
  return { ok: false, reason: 'too many segments' };
}

/** True when the stream is a baseline (SOF0) JPEG: what every decoder and the card factory read. */
export function isBaselineJpeg(jpeg: Uint8Array): boolean {
  let pos = 2;
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return false;
  for (let count = 0; count < MAX_HEADER_SEGMENTS; count++) {
    const segment = readJpegSegment(jpeg, pos);
    if (!segment.ok || segment.marker === SOS) return false;
    if (
      segment.marker >= 0xc0 &&
      segment.marker <= 0xcf &&
      ![0xc4, 0xc8, 0xcc].includes(segment.marker)
    ) {
      return segment.marker === 0xc0;
    }
    pos = segment.end;
  }
  return false;
}
