import { emptyMeasured, evaluate, type ImageKind, type Measured, measureJpegHeader, type Verdict } from '@t3p/image-rules';
import { detectFormat } from './format';
import { measurePdf } from './pdf';
import { qualityWarnings } from './quality';
import { decodeJpegFully } from './sharp-guard';
import { MAX_PIXELS } from '@t3p/image-rules';

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
  const m = emptyMeasured(bytes.length);
  if (bytes.length === 0) return m;
  const { format, detected } = detectFormat(bytes);
  m.format = format;
  m.detectedFormat = detected;
  if (format === null || bytes.length > HARD_CAP_BYTES) return m;
  try {
    if (format === 'jpeg') await measureJpeg(bytes, m);
    else await measurePdf(bytes, m);
  } catch {
    // Defensive: the measurers handle their own failures; anything else means unreadable.
    m.corrupt = format === 'jpeg' ? 'jpeg-data' : 'pdf-structure';
  }
  return m;
}

/**
 * Measurement + the rule engine: the verdict for one file. A valid JPEG also
 * gets its quality warnings (never blocking: `valid` is decided before).
 */
export async function checkImage(bytes: Uint8Array, kind: ImageKind): Promise<Verdict> {
  const verdict = evaluate(await measureImage(bytes, kind), kind);
  if (verdict.valid && verdict.measured.format === 'jpeg') verdict.warnings = await qualityWarnings(bytes, kind);
  return verdict;
}

async function measureJpeg(bytes: Uint8Array, m: Measured): Promise<void> {
  m.analysed = true;
  if (!measureJpegHeader(bytes, m)) {
    m.corrupt = 'jpeg-header';
    return;
  }
  if ((m.announcedPixels ?? 0) > MAX_PIXELS) return; // TOO_MANY_PIXELS: refused before decoding
  const decoded = await decodeJpegFully(bytes);
  const storedWidth = m.widthPx !== null && m.heightPx !== null && isSwapped(m.orientation) ? m.heightPx : m.widthPx;
  const storedHeight = m.widthPx !== null && m.heightPx !== null && isSwapped(m.orientation) ? m.widthPx : m.heightPx;
  if (!decoded.ok || decoded.width !== storedWidth || decoded.height !== storedHeight) {
    m.corrupt = 'jpeg-data';
  }
}

function isSwapped(orientation: number | null): boolean {
  return orientation !== null && orientation >= 5 && orientation <= 8;
}
