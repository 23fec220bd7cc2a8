import {
  emptyMeasured,
  evaluate,
  type ImageKind,
  type Measured,
  measureJpegHeader,
  type Verdict,
} from '@t3p/image-rules';
import { detectFormat } from './format';
import { measurePdf } from './pdf';
import { qualityWarnings } from './quality';
import { decodeJpegFully, orientedByDecoder } from './sharp-guard';
import { MAX_PIXELS } from '@t3p/image-rules';
import type { Rgba } from '@t3p/image-warnings';

/** Past this size nothing is parsed (only the magic bytes are looked at). */
export const HARD_CAP_BYTES = 10 * 1024 * 1024;

/**
 * Measures an uploaded file. Never throws: any failure becomes a figure
 * (`corrupt`, `analysed: false`…) that `evaluate` turns into a code.
 * `kind` does not change what is measured; it is accepted so that callers
 * can pass it along uniformly.
 */
export async function measureImage(bytes: Uint8Array, kind?: ImageKind): Promise<Measured> {
  void kind;
  return (await measure(bytes, false)).measured;
}

/** The figures, and with `keepPixels` the JPEG's decoded pixels (RGBA, as stored) when the decode succeeded. */
async function measure(
  bytes: Uint8Array,
  keepPixels: boolean,
): Promise<{ measured: Measured; stored?: Rgba }> {
  const m = emptyMeasured(bytes.length);
  if (bytes.length === 0) return { measured: m };
  const { format, detected } = detectFormat(bytes);
  m.format = format;
  m.detectedFormat = detected;
  if (format === null || bytes.length > HARD_CAP_BYTES) return { measured: m };
  try {
    if (format === 'jpeg') return { measured: m, stored: await measureJpeg(bytes, m, keepPixels) };
    await measurePdf(bytes, m);
  } catch {
    // Defensive: the measurers handle their own failures; anything else means unreadable.
    m.corrupt = format === 'jpeg' ? 'jpeg-data' : 'pdf-structure';
  }
  return { measured: m };
}

/**
 * Measurement + the rule engine: the verdict for one file. A valid JPEG also
 * gets its quality warnings (never blocking: `valid` is decided before), from the
 * pixels of the check's own full decode when the decoder sees the photo upright
 * (a rotated one is decoded again, oriented, as a browser shows it).
 */
export async function checkImage(bytes: Uint8Array, kind: ImageKind): Promise<Verdict> {
  const { measured, stored } = await measure(bytes, true);
  const verdict = evaluate(measured, kind);
  if (verdict.valid && measured.format === 'jpeg') {
    const upright = stored && !(await orientedByDecoder(bytes)) ? stored : undefined;
    verdict.warnings = await qualityWarnings(bytes, kind, upright);
  }
  return verdict;
}

async function measureJpeg(
  bytes: Uint8Array,
  m: Measured,
  keepPixels: boolean,
): Promise<Rgba | undefined> {
  m.analysed = true;
  if (!measureJpegHeader(bytes, m)) {
    m.corrupt = 'jpeg-header';
    return undefined;
  }
  if ((m.announcedPixels ?? 0) > MAX_PIXELS) return undefined; // TOO_MANY_PIXELS: refused before decoding
  const decoded = await decodeJpegFully(bytes, keepPixels);
  const storedWidth =
    m.widthPx !== null && m.heightPx !== null && isSwapped(m.orientation) ? m.heightPx : m.widthPx;
  const storedHeight =
    m.widthPx !== null && m.heightPx !== null && isSwapped(m.orientation) ? m.widthPx : m.heightPx;
  if (!decoded.ok || decoded.width !== storedWidth || decoded.height !== storedHeight) {
    m.corrupt = 'jpeg-data';
    return undefined;
  }
  const { rgba } = decoded;
  return rgba
    ? {
        width: decoded.width,
        height: decoded.height,
        data: new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.length),
      }
    : undefined;
}

function isSwapped(orientation: number | null): boolean {
  return orientation !== null && orientation >= 5 && orientation <= 8;
}
