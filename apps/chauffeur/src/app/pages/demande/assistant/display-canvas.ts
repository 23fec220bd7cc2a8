import {
  DestroyRef,
  type ElementRef,
  type Signal,
  afterNextRender,
  inject,
  signal,
} from '@angular/core';

/**
 * Sizes a canvas's bitmap to its displayed size in device pixels (sharp on a phone's screen) and
 * returns its context reset to device pixels, or null when the browser gives no 2D context.
 */
export function fitCanvasToDisplay(
  canvas: HTMLCanvasElement,
): { ctx: CanvasRenderingContext2D; width: number; height: number; ratio: number } | null {
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

/**
 * The CSS width of an element of the view, followed as the layout changes (ResizeObserver); 0
 * until the first render. Call it in an injection context (a field or the constructor).
 */
export function observedWidth(element: () => ElementRef<HTMLElement>): Signal<number> {
  const width = signal(0);
  const destroyRef = inject(DestroyRef);
  afterNextRender(() => {
    const node = element().nativeElement;
    const observer = new ResizeObserver(() => width.set(node.clientWidth));
    observer.observe(node);
    destroyRef.onDestroy(() => observer.disconnect());
    width.set(node.clientWidth);
  });
  return width.asReadonly();
}
