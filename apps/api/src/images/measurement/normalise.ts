import { createHash } from 'node:crypto';
import type { Measured } from '@t3p/image-rules';
import { pdfPool } from './pdf-pool';
import { PDF_INFLATE_BUDGET_BYTES, prescanPdf } from './pdf-prescan';
import { reencodeForDisplay } from './sharp-guard';

/** Hex SHA-256 of the bytes as received. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The normalised JPEG derivative shown in the portal: orientation applied,
 * every metadata block (EXIF, XMP, GPS, ICC, comments) dropped.
 * - JPEG: the image itself, re-encoded.
 * - PDF: the largest embedded image when it is a JPEG (DCTDecode); null
 *   when that image is stored otherwise (Flate samples, inline image).
 * Returns null when the file was not measured as readable. Meant for files
 * whose verdict is valid; rejects only on an unexpected decoder error.
 */
export async function normaliseForDisplay(bytes: Uint8Array, measured: Measured): Promise<Buffer | null> {
  if (!measured.analysed || measured.corrupt !== null) return null;
  if (measured.format === 'jpeg') return reencodeForDisplay(bytes);
  if (measured.format !== 'pdf' || !measured.hasImage) return null;
  const scan = await prescanPdf(bytes);
  if (scan.bomb || scan.truncated || scan.badFilter) return null;
  const outcome = await pdfPool().run(bytes, PDF_INFLATE_BUDGET_BYTES);
  if (outcome.status !== 'ok' || !outcome.result.largest?.jpeg) return null;
  return reencodeForDisplay(outcome.result.largest.jpeg);
}
