/** An 8-bit grayscale picture, row by row (0 black, 255 white). */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Rec. 601 luma of RGBA samples (a canvas's ImageData), transparent pixels read as white paper. */
export function grayFromRgba(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < data.length; i += 4, j++) {
    const alpha = rgba[i + 3] / 255;
    const luma = 0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2];
    data[j] = Math.round(luma * alpha + 255 * (1 - alpha));
  }
  return { width, height, data };
}

/** Gray samples back to opaque RGBA, for a canvas. */
export function rgbaFromGray(gray: GrayImage): Uint8ClampedArray {
  const out = new Uint8ClampedArray(gray.width * gray.height * 4);
  for (let j = 0, i = 0; j < gray.data.length; j++, i += 4) {
    out[i] = out[i + 1] = out[i + 2] = gray.data[j];
    out[i + 3] = 255;
  }
  return out;
}
