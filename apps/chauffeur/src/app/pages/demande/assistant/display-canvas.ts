/**
 * Sizes a canvas's bitmap to its displayed size in device pixels (sharp on a phone's screen) and
 * returns its context reset to device pixels, or null when the browser gives no 2D context.
 */
export function fitCanvasToDisplay(canvas: HTMLCanvasElement): { ctx: CanvasRenderingContext2D; width: number; height: number; ratio: number } | null {
  const ratio = globalThis.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return { ctx, width, height, ratio };
}
