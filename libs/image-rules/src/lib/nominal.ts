import type { ImageKind } from './types';

export interface Nominal {
  /** Nominal physical width and height, millimetres. */
  widthMm: number;
  heightMm: number;
  /** Nominal width / height (the physical proportions). */
  ratio: number;
  /** Largest accepted file, bytes ("Ko" read as 1,024 bytes). */
  maxBytes: number;
}

export const NOMINAL: Readonly<Record<ImageKind, Readonly<Nominal>>> = {
  photo: { widthMm: 35, heightMm: 45, ratio: 35 / 45, maxBytes: 80 * 1024 },
  signature: { widthMm: 25, heightMm: 12, ratio: 25 / 12, maxBytes: 50 * 1024 },
};

/** Accepted resolution, whole DPI, inclusive. */
export const DPI_MIN = 300;
export const DPI_MAX = 400;
/** Tolerance on ratio and dimensions: ±10 %. */
export const TOLERANCE = 0.1;
/** Largest announced pixel count accepted (refused before decoding past it). */
export const MAX_PIXELS = 40_000_000;
export const MM_PER_INCH = 25.4;
export const POINTS_PER_INCH = 72;

/** Resolution is rounded to the nearest whole DPI before any comparison or computation. */
export function roundDpi(dpi: number): number {
  return Math.round(dpi);
}

/** Physical length in millimetres of `px` pixels at `dpi` (rounded first). */
export function pxToMm(px: number, dpi: number): number {
  return (px / roundDpi(dpi)) * MM_PER_INCH;
}

/** Physical length in millimetres of `pt` PDF points. */
export function ptToMm(pt: number): number {
  return (pt / POINTS_PER_INCH) * MM_PER_INCH;
}

/** Rounds a length to 0.1 mm for display in `Measured`. */
export function displayMm(mm: number): number {
  return Math.round(mm * 10) / 10;
}
