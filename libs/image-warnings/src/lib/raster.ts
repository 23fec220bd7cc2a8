import type { Box, Gray, Rgba } from './types';

/**
 * Area-average downscale to `targetWidth` (never upscales), so that the
 * browser and the server analyse the same pixels whatever decoded them.
 */
export function downscale(img: Rgba, targetWidth: number): Rgba {
  if (img.width <= targetWidth) return img;
  const w = targetWidth;
  const h = Math.max(1, Math.round((img.height * targetWidth) / img.width));
  const out = new Uint8Array(w * h * 4);
  const sx = img.width / w;
  const sy = img.height / h;
  const src = img.data;
  // Each output column's source span, computed once (the sums are of whole bytes, exact in a double).
  const xs0 = new Int32Array(w);
  const xs1 = new Int32Array(w);
  for (let x = 0; x < w; x++) {
    xs0[x] = Math.floor(x * sx);
    xs1[x] = Math.max(xs0[x] + 1, Math.floor((x + 1) * sx));
  }
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
    for (let x = 0; x < w; x++) {
      const x0 = xs0[x];
      const x1 = xs1[x];
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let yy = y0; yy < y1; yy++) {
        for (let i = (yy * img.width + x0) * 4, end = (yy * img.width + x1) * 4; i < end; i += 4) {
          r += src[i];
          g += src[i + 1];
          b += src[i + 2];
          a += src[i + 3];
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * w + x) * 4;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
      out[o + 3] = Math.round(a / n);
    }
  }
  return { width: w, height: h, data: out };
}

/** Rec. 601 luma of each pixel. */
export function toGray(img: Rgba): Gray {
  const n = img.width * img.height;
  const out = new Float32Array(n);
  for (let p = 0, i = 0; p < n; p++, i += 4) {
    out[p] = 0.299 * img.data[i] + 0.587 * img.data[i + 1] + 0.114 * img.data[i + 2];
  }
  return { width: img.width, height: img.height, data: out };
}

/** The box clipped to the image, in whole pixels (may be empty). */
export function clipBox(box: Box, width: number, height: number): Box {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(width, Math.ceil(box.x + box.width));
  const y1 = Math.min(height, Math.ceil(box.y + box.height));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

export interface Moments {
  count: number;
  mean: number;
  std: number;
}

/** Mean and standard deviation of the gray values inside the boxes (overlaps counted once each box). */
export function grayMoments(gray: Gray, boxes: Box[]): Moments {
  let n = 0;
  let sum = 0;
  let sq = 0;
  for (const b of boxes) {
    const c = clipBox(b, gray.width, gray.height);
    for (let y = c.y; y < c.y + c.height; y++) {
      for (let x = c.x; x < c.x + c.width; x++) {
        const v = gray.data[y * gray.width + x];
        n++;
        sum += v;
        sq += v * v;
      }
    }
  }
  if (n === 0) return { count: 0, mean: 0, std: 0 };
  const mean = sum / n;
  return { count: n, mean, std: Math.sqrt(Math.max(0, sq / n - mean * mean)) };
}

/** Mean chroma (max − min of R, G, B) inside the boxes; the whole image when none. */
export function meanChroma(img: Rgba, boxes?: Box[]): number {
  const regions = boxes ?? [{ x: 0, y: 0, width: img.width, height: img.height }];
  let n = 0;
  let sum = 0;
  for (const b of regions) {
    const c = clipBox(b, img.width, img.height);
    for (let y = c.y; y < c.y + c.height; y++) {
      let i = (y * img.width + c.x) * 4;
      for (let x = 0; x < c.width; x++, i += 4) {
        const r = img.data[i];
        const g = img.data[i + 1];
        const bl = img.data[i + 2];
        sum += Math.max(r, g, bl) - Math.min(r, g, bl);
        n++;
      }
    }
  }
  return n === 0 ? 0 : sum / n;
}

/** Grey-world colour cast: mean (R − G) and mean ((R + G) / 2 − B) over the image. */
export function colourCast(img: Rgba): { redGreen: number; yellowBlue: number } {
  const n = img.width * img.height;
  let rg = 0;
  let yb = 0;
  for (let i = 0; i < n * 4; i += 4) {
    rg += img.data[i] - img.data[i + 1];
    yb += (img.data[i] + img.data[i + 1]) / 2 - img.data[i + 2];
  }
  return n === 0 ? { redGreen: 0, yellowBlue: 0 } : { redGreen: rg / n, yellowBlue: yb / n };
}

/** Share of pixels ≥ `level` in the box. */
export function clippedShare(gray: Gray, box: Box, level = 250): number {
  const c = clipBox(box, gray.width, gray.height);
  let n = 0;
  let hi = 0;
  for (let y = c.y; y < c.y + c.height; y++) {
    for (let x = c.x; x < c.x + c.width; x++) {
      n++;
      if (gray.data[y * gray.width + x] >= level) hi++;
    }
  }
  return n === 0 ? 0 : hi / n;
}

/** Variance of the 4-neighbour Laplacian inside the box (a focus measure: low is blurred). */
export function laplacianVariance(gray: Gray, box?: Box): number {
  const c = clipBox(
    box ?? { x: 0, y: 0, width: gray.width, height: gray.height },
    gray.width,
    gray.height,
  );
  const w = gray.width;
  let n = 0;
  let sum = 0;
  let sq = 0;
  for (let y = Math.max(1, c.y); y < Math.min(gray.height - 1, c.y + c.height); y++) {
    for (let x = Math.max(1, c.x); x < Math.min(w - 1, c.x + c.width); x++) {
      const i = y * w + x;
      const l =
        gray.data[i - 1] +
        gray.data[i + 1] +
        gray.data[i - w] +
        gray.data[i + w] -
        4 * gray.data[i];
      n++;
      sum += l;
      sq += l * l;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return sq / n - mean * mean;
}

/** The value below which `q` (0–1) of the gray values lie (256-bin histogram). */
export function grayQuantile(gray: Gray, q: number): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < gray.data.length; i++)
    hist[Math.min(255, Math.max(0, Math.round(gray.data[i])))]++;
  const target = q * gray.data.length;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v];
    if (acc >= target) return v;
  }
  return 255;
}
