import type { ImageFormat } from '@t3p/image-rules';

export interface DetectedFormat {
  /** An accepted format, or null. */
  format: ImageFormat | null;
  /** What the magic bytes look like: 'jpeg', 'pdf', 'png', 'gif'… or 'unknown'. */
  detected: string;
}

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) {
    if (b[at + i] !== sig[i]) return false;
  }
  return true;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/**
 * Format by magic bytes only — never the file name or the declared MIME
 * type. A JPEG starts with SOI followed by a marker (FF D8 FF); a PDF with
 * `%PDF-` at offset 0.
 */
export function detectFormat(b: Uint8Array): DetectedFormat {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { format: 'jpeg', detected: 'jpeg' };
  if (startsWith(b, ascii('%PDF-'))) return { format: 'pdf', detected: 'pdf' };
  let detected = 'unknown';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) detected = 'png';
  else if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) detected = 'gif';
  else if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) detected = 'webp';
  else if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]))
    detected = 'tiff';
  else if (startsWith(b, ascii('BM'))) detected = 'bmp';
  else if (startsWith(b, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...b.subarray(8, 12));
    detected = brand.startsWith('avi') ? 'avif' : 'heic';
  } else if (startsWith(b, [0xff, 0x0a]) || startsWith(b, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20]))
    detected = 'jxl';
  else if (startsWith(b, [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20])) detected = 'jp2';
  else if (startsWith(b, ascii('PK'))) detected = 'zip';
  return { format: null, detected };
}
