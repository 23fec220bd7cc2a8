/**
 * JPEG header reading: segments parsed by hand (JFIF APP0, EXIF APP1, SOF),
 * because sharp's `metadata().density` says 72 when the file declares
 * nothing. Bounded: at most MAX_SEGMENTS segments, every offset checked.
 * Pure (no Node or DOM API): the api measures uploads with it, the driver portal reads a file's
 * header before sending it, and the photo assistant writes its JFIF density with its segment walk.
 */
import { displayMm, pxToMm, roundDpi } from './nominal';
import type { Measured } from './types';

export interface JpegHeader {
  /** Stored (not displayed) size, from the SOF segment. */
  width: number;
  height: number;
  /** JFIF APP0 fields, when present. */
  jfif: { units: number; xDensity: number; yDensity: number } | null;
  /** EXIF IFD0 fields, when present. */
  exif: {
    xResolution: number | null;
    yResolution: number | null;
    resolutionUnit: number | null;
    orientation: number | null;
  } | null;
}

export type JpegHeaderResult = { ok: true; header: JpegHeader } | { ok: false; reason: string };

export const MAX_SEGMENTS = 4096;

export function be16(b: Uint8Array, at: number): number {
  return (b[at] << 8) | b[at + 1];
}

function isSof(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

export function startsWithAscii(b: Uint8Array, at: number, s: string): boolean {
  if (at + s.length > b.length) return false;
  for (let i = 0; i < s.length; i++) {
    if (b[at + i] !== s.charCodeAt(i)) return false;
  }
  return true;
}

/** Reads IFD0 of a TIFF block (the EXIF payload after "Exif\0\0"). Returns null when malformed. */
export function parseExifTiff(t: Uint8Array): JpegHeader['exif'] {
  if (t.length < 8) return null;
  let le: boolean;
  if (t[0] === 0x49 && t[1] === 0x49) le = true;
  else if (t[0] === 0x4d && t[1] === 0x4d) le = false;
  else return null;
  const u16 = (at: number): number | null =>
    at + 2 > t.length ? null : le ? t[at] | (t[at + 1] << 8) : (t[at] << 8) | t[at + 1];
  const u32 = (at: number): number | null =>
    at + 4 > t.length
      ? null
      : le
        ? (t[at] | (t[at + 1] << 8) | (t[at + 2] << 16) | (t[at + 3] << 24)) >>> 0
        : ((t[at] << 24) | (t[at + 1] << 16) | (t[at + 2] << 8) | t[at + 3]) >>> 0;
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd === null || ifd < 8) return null;
  const count = u16(ifd);
  if (count === null) return null;
  const out: NonNullable<JpegHeader['exif']> = {
    xResolution: null,
    yResolution: null,
    resolutionUnit: null,
    orientation: null,
  };
  const n = Math.min(count, 512);
  for (let i = 0; i < n; i++) {
    const e = ifd + 2 + i * 12;
    if (e + 12 > t.length) break;
    const tag = u16(e);
    const type = u16(e + 2);
    const valueCount = u32(e + 4);
    if (tag === null || type === null || valueCount === null || valueCount < 1) continue;
    const short = (): number | null => (type === 3 ? u16(e + 8) : type === 4 ? u32(e + 8) : null);
    const rational = (): number | null => {
      if (type !== 5 && type !== 10) return null;
      const off = u32(e + 8);
      if (off === null) return null;
      const num = u32(off);
      const den = u32(off + 4);
      if (num === null || den === null || den === 0) return null;
      return num / den;
    };
    if (tag === 0x0112) out.orientation = short();
    else if (tag === 0x011a) out.xResolution = rational();
    else if (tag === 0x011b) out.yResolution = rational();
    else if (tag === 0x0128) out.resolutionUnit = short();
  }
  return out;
}

/**
 * The marker segment at `pos`: its marker, where it starts (its last 0xFF) and ends, and its
 * payload, null for the markers that carry none (SOI, EOI, RSTn, TEM). Fill bytes (repeated
 * 0xFF) are skipped; every length is checked against the buffer. Never throws.
 */
export type JpegSegment =
  | { ok: true; marker: number; start: number; end: number; data: Uint8Array | null }
  | { ok: false; reason: string };

export function readJpegSegment(b: Uint8Array, pos: number): JpegSegment {
  if (pos >= b.length || b[pos] !== 0xff) return { ok: false, reason: `no marker at ${pos}` };
  while (pos < b.length && b[pos] === 0xff) pos++;
  if (pos >= b.length) return { ok: false, reason: 'truncated header' };
  const marker = b[pos++];
  const start = pos - 2;
  if (marker === 0xd8 || marker === 0xd9 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
    return { ok: true, marker, start, end: pos, data: null };
  }
  if (pos + 2 > b.length) return { ok: false, reason: 'truncated header' };
  const len = be16(b, pos);
  const end = pos + len;
  if (len < 2 || end > b.length) return { ok: false, reason: 'bad segment length' };
  return { ok: true, marker, start, end, data: b.subarray(pos + 2, end) };
}

/** Walks the segments up to the first scan (SOS). Never throws. */
export function parseJpegHeader(b: Uint8Array): JpegHeaderResult {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return { ok: false, reason: 'no SOI' };
  let pos = 2;
  let jfif: JpegHeader['jfif'] = null;
  let exif: JpegHeader['exif'] = null;
  let sof: { width: number; height: number } | null = null;
  for (let seg = 0; seg < MAX_SEGMENTS; seg++) {
    const segment = readJpegSegment(b, pos);
    if (!segment.ok) return segment;
    const { marker, end, data } = segment;
    pos = end;
    if (marker === 0xd9) return { ok: false, reason: 'EOI before the scan' };
    if (data === null) continue;
    if (
      marker === 0xe0 &&
      jfif === null &&
      startsWithAscii(data, 0, 'JFIF\0') &&
      data.length >= 12
    ) {
      jfif = { units: data[7], xDensity: be16(data, 8), yDensity: be16(data, 10) };
    } else if (marker === 0xe1 && exif === null && startsWithAscii(data, 0, 'Exif\0\0')) {
      exif = parseExifTiff(data.subarray(6));
    } else if (isSof(marker) && sof === null) {
      if (data.length < 6) return { ok: false, reason: 'short SOF' };
      sof = { height: be16(data, 1), width: be16(data, 3) };
    } else if (marker === 0xda) {
      if (sof === null) return { ok: false, reason: 'scan before SOF' };
      if (sof.width === 0 || sof.height === 0) return { ok: false, reason: 'zero size in SOF' };
      return { ok: true, header: { width: sof.width, height: sof.height, jfif, exif } };
    }
  }
  return { ok: false, reason: 'too many segments' };
}

export interface JpegResolution {
  dpiX: number;
  dpiY: number;
  source: 'jfif' | 'exif';
}

/**
 * Declared resolution (unrounded): JFIF density in dpi or dpcm × 2.54, else
 * EXIF X/YResolution with ResolutionUnit (absent = inches, 3 = cm). JFIF
 * units 0 or a density of 0 declare nothing; so does EXIF unit 1 (no
 * absolute unit). A single EXIF axis stands for both.
 */
export function declaredResolution(h: JpegHeader): JpegResolution | null {
  const j = h.jfif;
  if (j !== null && (j.units === 1 || j.units === 2) && j.xDensity > 0 && j.yDensity > 0) {
    const f = j.units === 2 ? 2.54 : 1;
    return { dpiX: j.xDensity * f, dpiY: j.yDensity * f, source: 'jfif' };
  }
  const e = h.exif;
  if (e !== null) {
    const unit = e.resolutionUnit ?? 2;
    const f = unit === 2 ? 1 : unit === 3 ? 2.54 : null;
    const x =
      e.xResolution !== null && e.xResolution > 0 && Number.isFinite(e.xResolution)
        ? e.xResolution
        : null;
    const y =
      e.yResolution !== null && e.yResolution > 0 && Number.isFinite(e.yResolution)
        ? e.yResolution
        : null;
    if (f !== null && (x !== null || y !== null)) {
      return { dpiX: (x ?? y ?? 0) * f, dpiY: (y ?? x ?? 0) * f, source: 'exif' };
    }
  }
  return null;
}

/**
 * The figures a JPEG's header gives, written into `m` (displayed size with the EXIF orientation
 * applied, announced pixels, rounded resolution and physical size). Returns false, leaving `m`
 * untouched, when the header cannot be read. The server then decodes the image; the browser
 * stops here (its verdict is a preview, the server's is the authority).
 */
export function measureJpegHeader(bytes: Uint8Array, m: Measured): boolean {
  const parsed = parseJpegHeader(bytes);
  if (!parsed.ok) return false;
  const h = parsed.header;
  const orientation = h.exif?.orientation ?? null;
  m.orientation = orientation;
  const swap = orientation !== null && orientation >= 5 && orientation <= 8;
  m.widthPx = swap ? h.height : h.width;
  m.heightPx = swap ? h.width : h.height;
  m.announcedPixels = h.width * h.height;
  const res = declaredResolution(h);
  if (res !== null) {
    m.dpiX = roundDpi(swap ? res.dpiY : res.dpiX);
    m.dpiY = roundDpi(swap ? res.dpiX : res.dpiY);
    m.dpiSource = res.source;
    if (m.dpiX > 0 && m.dpiY > 0) {
      m.widthMm = displayMm(pxToMm(m.widthPx, m.dpiX));
      m.heightMm = displayMm(pxToMm(m.heightPx, m.dpiY));
    }
  }
  return true;
}
