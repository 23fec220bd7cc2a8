import { grayQuantile, toGray } from './raster';
import type { Rgba, SignatureFigures } from './types';

/** Ink and paper levels, where the ink lies, and whether ruled lines or a lot of ink are there. */
export function signatureFigures(img: Rgba): SignatureFigures {
  const gray = toGray(img);
  const { width: w, height: h, data } = gray;
  const paperLuma = grayQuantile(gray, 0.9);
  // A low quantile: a small signature may cover well under 1 % of the image.
  const inkLuma = grayQuantile(gray, 0.003);
  const cut = (paperLuma + inkLuma) / 2;
  // Without contrast there is no ink to locate.
  const contrasted = paperLuma - inkLuma >= 30;
  let ink = 0;
  let x0 = w;
  let x1 = -1;
  let y0 = h;
  let y1 = -1;
  let longestRow = 0;
  const columnRun = new Uint32Array(w);
  let longestColumn = 0;
  for (let y = 0; y < h; y++) {
    let run = 0;
    for (let x = 0; x < w; x++) {
      const isInk = contrasted && data[y * w + x] < cut;
      if (isInk) {
        ink++;
        run++;
        columnRun[x]++;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
        if (run > longestRow) longestRow = run;
        if (columnRun[x] > longestColumn) longestColumn = columnRun[x];
      } else {
        run = 0;
        columnRun[x] = 0;
      }
    }
  }
  return {
    paperLuma,
    inkLuma,
    inkShare: ink / (w * h),
    inkWidthShare: x1 < 0 ? 0 : (x1 - x0 + 1) / w,
    inkHeightShare: y1 < 0 ? 0 : (y1 - y0 + 1) / h,
    longestRowRun: longestRow / w,
    longestColumnRun: longestColumn / h,
  };
}
