import { createHash } from 'node:crypto';
import type { Measured } from '@t3p/image-rules';
import { pdfPool } from './pdf-pool';
import { PDF_INFLATE_BUDGET_BYTES, prescanPdf } from './pdf-prescan';
import { stripJpegMetadata } from './jpeg-strip';
import { reencodeForDisplay } from './sharp-guard';

/** Hex SHA-256 of the bytes as received. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The normalised JPEG derivative shown in the portal: orientation applied,
 * the metadata (EXIF, XMP, GPS, IPTC, comments, thumbnails) dropped.
 * - JPEG already upright (no EXIF orientation, or 1): the same compressed image with its
 *   metadata segments cut out (lossless, no second decode; see jpeg-strip.ts);
 * - rotated JPEG: re-encoded by sharp with the orientation applied, every metadata block dropped.
 * - PDF: the largest embedded image when it is a JPEG (DCTDecode); null
 *   when that image is stored otherwise (Flate samples, inline image).
 * Returns null when the file was not measured as readable. Meant for files
 * whose verdict is valid; rejects only on an unexpected decoder error.
 */
export async function normaliseForDisplay(
  bytes: Uint8Array,
  measured: Measured,
): Promise<Buffer | null> {
  if (!measured.analysed || measured.corrupt !== null) return null;
  return displayDerivedOnRead(bytes, measured) ?? normaliseByDecoding(bytes, measured);
}

/**
 * The display copy that is cheap to make again: an upright JPEG with its metadata
 * segments cut out (a segment walk, no decode). Such a copy need not be stored: the API derives
 * it from the original when the image is shown (see ImagesService.displayImage). Null when the
 * file needs a decode for display (rotated JPEG, PDF) or is not a readable JPEG.
 */
export function displayDerivedOnRead(
  bytes: Uint8Array,
  measured: Pick<Measured, 'format' | 'orientation'>,
): Buffer | null {
  if (measured.format !== 'jpeg' || (measured.orientation !== null && measured.orientation !== 1))
    return null;
  return stripJpegMetadata(bytes);
}

/** The display copy of a file that needs one made by a decoder: a rotated JPEG re-encoded, a PDF's JPEG. */
export async function normaliseByDecoding(
  bytes: Uint8Array,
  measured: Measured,
): Promise<Buffer | null> {
  if (!measured.analysed || measured.corrupt !== null) return null;
  if (measured.format === 'jpeg') return reencodeForDisplay(bytes);
  if (measured.format !== 'pdf' || !measured.hasImage) return null;
  const scan = await prescanPdf(bytes);
  if (scan.bomb || scan.truncated || scan.badFilter) return null;
  const outcome = await pdfPool().run(bytes, PDF_INFLATE_BUDGET_BYTES);
  if (outcome.status !== 'ok' || !outcome.result.largest?.jpeg) return null;
  return reencodeForDisplay(outcome.result.largest.jpeg);
}
