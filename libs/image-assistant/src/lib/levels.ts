import type { GrayImage } from './gray';

/**
 * The paper's brightness around each pixel: a coarse grid of cells, each the bright end
 * (the given percentile) of its pixels, smoothed with its neighbours and interpolated. Ink covers
 * a small share of a page, so the bright end of a cell is the paper, shadow included.
 */
export function paperLevel(gray: GrayImage, cell = 32, percentile = 0.9): Float32Array {
  const { width, height, data } = gray;
  const cols = Math.max(1, Math.ceil(width / cell));
  const rows = Math.max(1, Math.ceil(height / cell));
  const grid = new Float32Array(cols * rows);
  const histogram = new Uint32Array(256);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      histogram.fill(0);
      const x1 = Math.min(width, (c + 1) * cell);
      const y1 = Math.min(height, (r + 1) * cell);
      let n = 0;
      for (let y = r * cell; y < y1; y++) {
        for (let x = c * cell; x < x1; x++) {
          histogram[data[y * width + x]]++;
          n++;
        }
      }
      let target = Math.floor(n * percentile);
      let v = 0;
      while (v < 255 && target >= histogram[v]) target -= histogram[v++];
      grid[r * cols + c] = v;
    }
  }
  // A cell filled with ink (thick strokes) reads dark: take the brightest of its 3 × 3 neighbourhood.
  const bright = new Float32Array(grid.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let m = 0;
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) m = Math.max(m, grid[rr * cols + cc]);
        }
      }
      bright[r * cols + c] = m;
    }
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const gy = Math.min(rows - 1, Math.max(0, (y + 0.5) / cell - 0.5));
    const r0 = Math.floor(gy);
    const r1 = Math.min(rows - 1, r0 + 1);
    const fy = gy - r0;
    for (let x = 0; x < width; x++) {
      const gx = Math.min(cols - 1, Math.max(0, (x + 0.5) / cell - 0.5));
      const c0 = Math.floor(gx);
      const c1 = Math.min(cols - 1, c0 + 1);
      const fx = gx - c0;
      const top = bright[r0 * cols + c0] * (1 - fx) + bright[r0 * cols + c1] * fx;
      const bottom = bright[r1 * cols + c0] * (1 - fx) + bright[r1 * cols + c1] * fx;
      out[y * width + x] = Math.max(1, top * (1 - fy) + bottom * fy);
    }
  }
  return out;
}

export interface LevelsOptions {
  /** Share of the paper's brightness at and under which a pixel is full ink (black). */
  black?: number;
  /** Share of the paper's brightness at and over which a pixel is paper (white). */
  white?: number;
}

export const DEFAULT_LEVELS: Required<LevelsOptions> = { black: 0.45, white: 0.8 };

/**
 * Paper white, ink dark: each pixel divided by the paper's brightness around it (shadows and
 * uneven light go), then a levels curve from `black` to `white`. Grayscale in, grayscale out.
 */
export function levelInk(
  gray: GrayImage,
  paper: Float32Array = paperLevel(gray),
  options: LevelsOptions = {},
): GrayImage {
  const { black, white } = { ...DEFAULT_LEVELS, ...options };
  const out = new Uint8Array(gray.data.length);
  const span = white - black;
  for (let i = 0; i < out.length; i++) {
    const ratio = gray.data[i] / paper[i];
    const t = (ratio - black) / span;
    out[i] = t <= 0 ? 0 : t >= 1 ? 255 : Math.round(t * 255);
  }
  return { width: gray.width, height: gray.height, data: out };
}

/** Plain threshold: under `cut` black, else white. */
export function threshold(gray: GrayImage, cut = 128): GrayImage {
  const out = new Uint8Array(gray.data.length);
  for (let i = 0; i < out.length; i++) out[i] = gray.data[i] < cut ? 0 : 255;
  return { width: gray.width, height: gray.height, data: out };
}

/**
 * After a thin stroke is resampled down it turns grey: the darkest `share` of the pixels are taken
 * as the ink and the curve stretched so that they are black again (paper at `paper` and over stays
 * white). A page with no ink (its darkest pixels are within 5 of the paper) is left as it is.
 */
export function stretchInk(gray: GrayImage, share = 0.005, paper = 235): GrayImage {
  const histogram = new Uint32Array(256);
  for (const v of gray.data) histogram[v]++;
  let target = Math.max(1, Math.floor(gray.data.length * share));
  let low = 0;
  while (low < 255 && target > histogram[low]) target -= histogram[low++];
  if (low >= paper - 5) return gray;
  const out = new Uint8Array(gray.data.length);
  const span = paper - low;
  for (let i = 0; i < out.length; i++) {
    const t = (gray.data[i] - low) / span;
    out[i] = t <= 0 ? 0 : t >= 1 ? 255 : Math.round(t * 255);
  }
  return { width: gray.width, height: gray.height, data: out };
}
