import {
  displayMm,
  MAX_PIXELS,
  type Measured,
  ptToMm,
  roundDpi,
  type UnsafeReason,
} from '@t3p/image-rules';
import { decodeJpegFully } from './sharp-guard';
import { pdfPool, type PdfWorkerImage } from './pdf-pool';
import { PDF_INFLATE_BUDGET_BYTES, prescanPdf } from './pdf-prescan';
import { sortedUnsafe, UNSAFE_ORDER } from './pdf-names';

/**
 * Measures a PDF (whose first bytes are `%PDF-`) into `m`:
 * 1. raw pre-scan (truncation, capped inflate of every Flate stream, unsafe names);
 * 2. pdf-lib parse in a worker with a time and memory budget;
 * 3. sharp decode of the largest image when it is a JPEG (DCTDecode).
 * Never throws.
 */
export async function measurePdf(bytes: Uint8Array, m: Measured): Promise<void> {
  m.format = 'pdf';
  m.analysed = true;
  const scan = await prescanPdf(bytes);
  const unsafe = new Set<UnsafeReason>(scan.unsafe);
  m.unsafe = sortedUnsafe(unsafe);
  if (scan.truncated) {
    m.corrupt = 'pdf-truncated';
    return;
  }
  if (scan.bomb) {
    m.corrupt = 'pdf-bomb';
    return;
  }
  if (unsafe.has('encryption')) {
    // Encrypted content cannot be measured; PDF_UNSAFE says why.
    return;
  }
  if (scan.badFilter) {
    m.corrupt = 'pdf-filter';
    return;
  }

  const budgetLeft = Math.max(0, PDF_INFLATE_BUDGET_BYTES - scan.inflatedBytes);
  const outcome = await pdfPool().run(bytes, Math.max(budgetLeft, 8 * 1024 * 1024));
  if (outcome.status === 'timeout' || outcome.status === 'crashed') {
    m.corrupt = 'pdf-timeout';
    return;
  }
  if (outcome.status === 'error') {
    m.corrupt = 'pdf-structure';
    return;
  }
  const r = outcome.result;
  for (const u of r.unsafe) {
    if ((UNSAFE_ORDER as readonly string[]).includes(u)) unsafe.add(u as UnsafeReason);
  }
  m.unsafe = sortedUnsafe(unsafe);
  m.pdfPages = r.pages;
  if (r.page === null) return;
  m.pageWidthPt = r.page.widthPt;
  m.pageHeightPt = r.page.heightPt;
  m.widthMm = displayMm(ptToMm(r.page.widthPt));
  m.heightMm = displayMm(ptToMm(r.page.heightPt));
  m.hasImage = r.largest !== null;
  if (r.largest === null) return;

  const img = r.largest;
  const swap = r.page.rotate === 90 || r.page.rotate === 270;
  m.widthPx = swap ? img.height : img.width;
  m.heightPx = swap ? img.width : img.height;
  m.announcedPixels = img.width * img.height;
  m.dpiX = roundDpi(m.widthPx / (r.page.widthPt / 72));
  m.dpiY = roundDpi(m.heightPx / (r.page.heightPt / 72));
  m.dpiSource = 'pdf';
  if (m.announcedPixels > MAX_PIXELS) return; // TOO_MANY_PIXELS, never decoded
  if (!(await imageDecodes(img))) m.corrupt = 'pdf-image';
}

async function imageDecodes(img: PdfWorkerImage): Promise<boolean> {
  if (img.jpeg !== null) {
    const d = await decodeJpegFully(img.jpeg);
    return d.ok;
  }
  return img.decodable === true;
}
