import type { GrayImage } from './gray';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface InkOptions {
  /** A pixel darker than this (0–255) is ink. */
  dark?: number;
  /** A row or column needs at least this many ink pixels to count (specks of dust do not). */
  minPerLine?: number;
}

/**
 * Bounding box of the ink: the first and last rows and columns holding at least `minPerLine`
 * pixels darker than `dark`. Null when there is no ink.
 */
export function inkBounds(gray: GrayImage, options: InkOptions = {}): Box | null {
  const dark = options.dark ?? 128;
  const minPerLine = options.minPerLine ?? 2;
  const { width, height, data } = gray;
  const rows = new Uint32Array(height);
  const cols = new Uint32Array(width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] < dark) {
        rows[y]++;
        cols[x]++;
      }
    }
  }
  const first = (a: Uint32Array) => a.findIndex((n) => n >= minPerLine);
  const last = (a: Uint32Array) => {
    for (let i = a.length - 1; i >= 0; i--) if (a[i] >= minPerLine) return i;
    return -1;
  };
  const x0 = first(cols);
  const y0 = first(rows);
  if (x0 < 0 || y0 < 0) return null;
  return { x: x0, y: y0, width: last(cols) - x0 + 1, height: last(rows) - y0 + 1 };
}

/**
 * The crop around the ink: a margin (share of the ink's larger side) on every side, then widened
 * or heightened about its centre to `ratio` (width / height). It may pass the picture's edges:
 * the caller fills outside with white paper.
 */
export function cropAroundInk(ink: Box, ratio: number, margin = 0.08): Box {
  const m = Math.max(ink.width, ink.height) * margin;
  let width = ink.width + 2 * m;
  let height = ink.height + 2 * m;
  if (width / height < ratio) width = height * ratio;
  else height = width / ratio;
  const cx = ink.x + ink.width / 2;
  const cy = ink.y + ink.height / 2;
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}

export interface Point {
  x: number;
  y: number;
}

/** Bounding box of pen strokes (a signature pad), widened by half the pen's width. */
export function strokesBounds(strokes: readonly (readonly Point[])[], penWidth: number): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const stroke of strokes) {
    for (const p of stroke) {
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x);
      y1 = Math.max(y1, p.y);
    }
  }
  if (x0 === Infinity) return null;
  const h = penWidth / 2;
  return { x: x0 - h, y: y0 - h, width: x1 - x0 + penWidth, height: y1 - y0 + penWidth };
}
