import { DPI_MAX, DPI_MIN, type ImageKind, NOMINAL, nominalPixels } from '@t3p/image-rules';

/** What the assistant writes: a fixed pixel size, a declared resolution and a weight limit. */
export interface OutputSpec {
  kind: ImageKind;
  width: number;
  height: number;
  /** Declared in the JFIF APP0 segment, dots per inch, both axes. */
  dpi: number;
  /** The rule's weight limit (bytes): the quality search stays at or under it. */
  maxBytes: number;
}

/**
 * 300 DPI, the nominal size in whole pixels: 413 × 531 (34.97 × 44.96 mm) for the photo,
 * 295 × 142 (24.98 × 12.02 mm) for the signature. Chosen over 472 × 607 at 343 DPI because
 * fewer pixels leave more bytes per pixel under the 80 Ko limit (a higher JPEG quality for the
 * same weight), 300 DPI is what print shops and the préfectures' own examples use, and a whole
 * DPI written in the file is exact (no dpcm rounding), so the lower bound is not at risk.
 */
function spec(kind: ImageKind, dpi: number): OutputSpec {
  const px = nominalPixels(kind, dpi);
  if (dpi < DPI_MIN || dpi > DPI_MAX) throw new Error(`dpi ${dpi} outside the rule`);
  return { kind, width: px.width, height: px.height, dpi, maxBytes: NOMINAL[kind].maxBytes };
}

export const OUTPUT_DPI = 300;

export const OUTPUT: Readonly<Record<ImageKind, Readonly<OutputSpec>>> = {
  photo: spec('photo', OUTPUT_DPI),
  signature: spec('signature', OUTPUT_DPI),
};
