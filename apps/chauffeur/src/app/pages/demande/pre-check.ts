import {
  emptyMeasured,
  ErrorCode,
  evaluate,
  type ImageFormat,
  type ImageKind,
  measureJpegHeader,
  type Verdict,
} from '@t3p/image-rules';

/** Past this size the server reads nothing (its hard cap): no use sending the file. */
export const HARD_CAP_BYTES = 10 * 1024 * 1024;

/** How many leading bytes the pre-check reads. */
export const HEAD_BYTES = 16;

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return (
    bytes.length >= at + signature.length && signature.every((value, i) => bytes[at + i] === value)
  );
}

/** The format from the magic bytes only (never the name or the declared type), as the server does. */
export function sniffFormat(head: Uint8Array): { format: ImageFormat | null; detected: string } {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { format: 'jpeg', detected: 'jpeg' };
  if (startsWith(head, ascii('%PDF-'))) return { format: 'pdf', detected: 'pdf' };
  let detected = 'unknown';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) detected = 'png';
  else if (startsWith(head, ascii('GIF8'))) detected = 'gif';
  else if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) detected = 'webp';
  else if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]))
    detected = 'tiff';
  else if (startsWith(head, ascii('BM'))) detected = 'bmp';
  else if (startsWith(head, ascii('ftyp'), 4))
    detected = String.fromCharCode(...head.subarray(8, 11)) === 'avi' ? 'avif' : 'heic';
  else if (startsWith(head, ascii('PK'))) detected = 'zip';
  return { format: null, detected };
}

export interface PreCheck {
  /** The shared engine's verdict on what the browser can know: emptiness, weight, format. */
  verdict: Verdict;
  /** True when the file must not be sent: the server could only say the same. */
  final: boolean;
}

/**
 * The instant check, before anything is sent: the same rule engine as the server, fed with the
 * figures a browser knows for sure (size and magic bytes). Resolution and dimensions are measured
 * by the server. A file that is only too heavy is still sent, so that the driver learns
 * every problem at once.
 */
export function preCheck(head: Uint8Array, size: number, kind: ImageKind): PreCheck {
  const measured = emptyMeasured(size);
  const sniffed = sniffFormat(head);
  measured.format = size === 0 ? null : sniffed.format;
  measured.detectedFormat = size === 0 ? null : sniffed.detected;
  const verdict = evaluate(measured, kind);
  const final =
    size > HARD_CAP_BYTES ||
    verdict.errors.some(
      (error) => error.code === ErrorCode.EMPTY || error.code === ErrorCode.UNSUPPORTED_FORMAT,
    );
  return { verdict, final };
}

/** Reads the leading bytes of a file picked or dropped by the driver. */
export async function readHead(file: Blob, bytes = HEAD_BYTES): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, bytes).arrayBuffer());
}

/** Enough for a phone JPEG's header (EXIF with its thumbnail, MPF…) up to the first scan. */
export const HEADER_BYTES = 256 * 1024;

/** Pictures the assistant can open (when the browser decodes them: HEIC only on some). */
const PICTURE_FORMATS = new Set(['png', 'webp', 'heic', 'avif', 'gif', 'bmp']);

/**
 * Where a picked file goes:
 * - `send`: a PDF, or a JPEG whose header already passes every rule it can show (weight,
 *   resolution, proportions, dimensions, pixels): sent as it is, byte for byte, the server decides;
 * - `assistant`: a picture the assistant can turn into a file that passes (a phone photo, a scan
 *   at 72 DPI, a PNG screenshot…); nothing is sent, `verdict` says what is wrong with it as it is;
 * - `refuse`: empty, or not a picture at all (the engine's message says why).
 */
export type FileRoute =
  | { to: 'send'; verdict: Verdict }
  | { to: 'assistant'; verdict: Verdict | null }
  | { to: 'refuse'; verdict: Verdict };

export function routeFile(head: Uint8Array, size: number, kind: ImageKind): FileRoute {
  const check = preCheck(head, size, kind);
  const sniffed = sniffFormat(head);
  if (size === 0) return { to: 'refuse', verdict: check.verdict };
  if (sniffed.format === 'pdf')
    return check.final
      ? { to: 'refuse', verdict: check.verdict }
      : { to: 'send', verdict: check.verdict };
  if (sniffed.format === null) {
    return PICTURE_FORMATS.has(sniffed.detected)
      ? { to: 'assistant', verdict: check.verdict }
      : { to: 'refuse', verdict: check.verdict };
  }
  const measured = emptyMeasured(size);
  measured.format = 'jpeg';
  measured.detectedFormat = 'jpeg';
  measured.analysed = true;
  // A header cut by the read or unreadable: the browser's own decoder will say whether it opens.
  if (!measureJpegHeader(head, measured)) return { to: 'assistant', verdict: null };
  const verdict = evaluate(measured, kind);
  return verdict.valid && size <= HARD_CAP_BYTES
    ? { to: 'send', verdict }
    : { to: 'assistant', verdict };
}
