import {
  type Box,
  DEFAULT_LEVELS,
  type Point,
  cropAroundInk,
  grayFromRgba,
  inkBounds,
  levelInk,
  OUTPUT,
  paperLevel,
  rgbaFromGray,
  stretchInk,
  strokesBounds,
} from '@t3p/image-assistant';

export const SIGNATURE_RATIO = OUTPUT.signature.width / OUTPUT.signature.height;
/** The ink is looked for on a copy at most this long (a page photo's strokes stay several pixels wide). */
const DETECTION_LONG_SIDE = 1200;
/** The crop is levelled at twice the output size, then resampled down (smoother strokes). */
const WORK_SCALE = 2;

function canvasOf(
  width: number,
  height: number,
): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d context');
  return { canvas, ctx };
}

/** Where the ink is on the picture (picture pixels), or null when none is found. */
export function findInk(bitmap: ImageBitmap): Box | null {
  const k = Math.min(1, DETECTION_LONG_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * k));
  const height = Math.max(1, Math.round(bitmap.height * k));
  const { ctx } = canvasOf(width, height);
  ctx.drawImage(bitmap, 0, 0, width, height);
  const gray = grayFromRgba(ctx.getImageData(0, 0, width, height).data, width, height);
  // On the levelled copy the paper is 255: anything under 200 is ink (a thin stroke at 72 DPI stays grey).
  const box = inkBounds(levelInk(gray, paperLevel(gray)), { dark: 200 });
  return box && { x: box.x / k, y: box.y / k, width: box.width / k, height: box.height / k };
}

/** The crop for a given margin (share of the ink's larger side). */
export function signatureCrop(ink: Box, margin: number): Box {
  return cropAroundInk(ink, SIGNATURE_RATIO, margin);
}

/**
 * The signature at the output size: the crop (white outside the picture), in grayscale, the paper
 * made white and the ink dark against the paper's local brightness (shadows go).
 */
export function renderSignature(
  bitmap: ImageBitmap,
  crop: Box,
  black = DEFAULT_LEVELS.black,
): HTMLCanvasElement {
  const out = OUTPUT.signature;
  const work = canvasOf(out.width * WORK_SCALE, out.height * WORK_SCALE);
  const k = work.canvas.width / crop.width;
  work.ctx.fillStyle = '#fff';
  work.ctx.fillRect(0, 0, work.canvas.width, work.canvas.height);
  work.ctx.imageSmoothingQuality = 'high';
  work.ctx.setTransform(k, 0, 0, k, -crop.x * k, -crop.y * k);
  work.ctx.drawImage(bitmap, 0, 0);
  work.ctx.setTransform(1, 0, 0, 1, 0, 0);
  const { width, height } = work.canvas;
  const gray = grayFromRgba(work.ctx.getImageData(0, 0, width, height).data, width, height);
  const levelled = levelInk(gray, paperLevel(gray, 48), {
    black,
    white: Math.max(black + 0.1, DEFAULT_LEVELS.white),
  });
  work.ctx.putImageData(
    new ImageData(rgbaFromGray(levelled) as Uint8ClampedArray<ArrayBuffer>, width, height),
    0,
    0,
  );
  return downscale(work.canvas);
}

/** To the output size; thin strokes that the resampling turned grey are made dark again. */
function downscale(source: HTMLCanvasElement): HTMLCanvasElement {
  const out = OUTPUT.signature;
  const { canvas, ctx } = canvasOf(out.width, out.height);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, out.width, out.height);
  const gray = grayFromRgba(
    ctx.getImageData(0, 0, out.width, out.height).data,
    out.width,
    out.height,
  );
  ctx.putImageData(
    new ImageData(
      rgbaFromGray(stretchInk(gray)) as Uint8ClampedArray<ArrayBuffer>,
      out.width,
      out.height,
    ),
    0,
    0,
  );
  return canvas;
}

/** Pad strokes (pad pixels) drawn dark on white at the output size, cropped to the ink with a margin. */
export function renderStrokes(
  strokes: readonly (readonly Point[])[],
  penWidth: number,
  margin = 0.1,
): HTMLCanvasElement | null {
  const bounds = strokesBounds(strokes, penWidth);
  if (!bounds) return null;
  const crop = cropAroundInk(bounds, SIGNATURE_RATIO, margin);
  const out = OUTPUT.signature;
  const work = canvasOf(out.width * WORK_SCALE, out.height * WORK_SCALE);
  const k = work.canvas.width / crop.width;
  work.ctx.fillStyle = '#fff';
  work.ctx.fillRect(0, 0, work.canvas.width, work.canvas.height);
  work.ctx.setTransform(k, 0, 0, k, -crop.x * k, -crop.y * k);
  drawStrokes(work.ctx, strokes, Math.max(penWidth, 2.4 / k));
  work.ctx.setTransform(1, 0, 0, 1, 0, 0);
  return downscale(work.canvas);
}

export function drawStrokes(
  ctx: CanvasRenderingContext2D,
  strokes: readonly (readonly Point[])[],
  penWidth: number,
): void {
  ctx.strokeStyle = '#111';
  ctx.fillStyle = '#111';
  ctx.lineWidth = penWidth;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    if (stroke.length === 1) {
      ctx.beginPath();
      ctx.arc(stroke[0].x, stroke[0].y, penWidth / 2, 0, Math.PI * 2);
      ctx.fill();
      continue;
    }
    ctx.beginPath();
    stroke.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
    ctx.stroke();
  }
}
