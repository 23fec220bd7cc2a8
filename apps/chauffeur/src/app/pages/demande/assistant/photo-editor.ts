import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterRenderEffect,
  effect,
  untracked,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import {
  type FaceBox,
  type Frame,
  HEAD_GUIDE,
  FRAME_HEIGHT_MM,
  MAX_STRAIGHTEN_DEG,
  OUTPUT,
  frameForFace,
  outputTransform,
  panFrame,
  straightenFrame,
  turnFrame,
  zoomFrame,
} from '@t3p/image-assistant';
import { openPicture } from './decode-picture';
import { ASSISTANT_MARKS } from '@t3p/image-assistant/marks';
import { fitCanvasToDisplay } from './display-canvas';
import { exportJpeg, type ExportedJpeg } from './export-jpeg';
import { headIn } from '../warnings/quality-warnings';

/** The view shows the frame and this share of its height around it, dimmed. */
const VIEW_MARGIN = 0.15;
const KEY_STEP = 8;
const ZOOM_STEP = 1.1;
/** The view's largest CSS height (20rem wide at 35:45, with its margins): the first decode's size. */
const VIEW_MAX_CSS_PX = 440;

/** The picture: its working size (the frame's pixels) and the best bitmap decoded so far, drawn at that size. */
interface Picture {
  bitmap: ImageBitmap;
  width: number;
  height: number;
}

/**
 * « Corriger ma photo »: the picture under a 35:45 frame with the head guide; the driver moves,
 * zooms, turns and straightens it (pointer, touch, keyboard or buttons); « Valider le cadrage »
 * crops, resamples to 413 × 531 and compresses. Nothing else is done to the pixels.
 */
@Component({
  selector: 'app-photo-editor',
  // Where the first frame was placed, once the detector has answered (tests wait for it).
  host: { '[attr.data-frame-start]': 'frameStart()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './photo-editor.html',
  styles: `
    .editor-view {
      position: relative;
      width: min(100%, 20rem);
      aspect-ratio: 35 / 45;
      margin-inline: auto;
      touch-action: none;
      cursor: grab;
      outline-offset: 4px;
    }
    .editor-view canvas,
    .editor-view svg {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      display: block;
    }
    .editor-view:focus-visible {
      outline: 3px solid var(--border-action-high-blue-france);
    }
    .straighten {
      width: 100%;
    }
  `,
})
export class PhotoEditor {
  readonly file = input.required<File>();
  /** A face found by a detector, in the decoded picture's pixels; null: the frame starts centred. */
  readonly face = input<FaceBox | null>(null);
  readonly confirmed = output<ExportedJpeg>();
  readonly cancelled = output<void>();

  private readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('view');
  private readonly destroyRef = inject(DestroyRef);

  protected readonly picture = signal<Picture | null>(null);
  /** The working picture, for the export: decoded after the first display. */
  private working: Promise<ImageBitmap> | null = null;
  private firstDrawn = false;
  protected readonly error = signal<string | null>(null);
  protected readonly frame = signal<Frame | null>(null);
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);
  protected readonly maxStraighten = MAX_STRAIGHTEN_DEG;
  protected readonly output = OUTPUT.photo;
  protected readonly guide = computed(() => {
    // The SVG's box is the whole view: the frame plus VIEW_MARGIN on each side.
    const total = 1 + 2 * VIEW_MARGIN;
    const frameTop = VIEW_MARGIN / total;
    const toView = (mm: number) => frameTop + mm / FRAME_HEIGHT_MM / total;
    const ry = (mm: number) => mm / 2 / FRAME_HEIGHT_MM / total;
    const rx = (mm: number) => (ry(mm) * HEAD_GUIDE.widthToHeight * 45) / 35;
    return {
      frame: { x: VIEW_MARGIN / total, y: frameTop, width: 1 / total, height: 1 / total },
      cy: toView(HEAD_GUIDE.centreMm),
      inner: { rx: rx(HEAD_GUIDE.minMm), ry: ry(HEAD_GUIDE.minMm) },
      outer: { rx: rx(HEAD_GUIDE.maxMm), ry: ry(HEAD_GUIDE.maxMm) },
    };
  });
  protected readonly zoomPercent = computed(() => {
    const f = this.frame();
    const p = this.picture();
    if (!f || !p) return 100;
    const start = frameForFace(null, p);
    return Math.round((start.height / f.height) * 100);
  });

  /** The head the detector found in the picture (the start and « reset » frame), if any. */
  private head: FaceBox | null = null;
  protected readonly frameStart = signal<'face' | 'centre' | null>(null);
  private readonly pointers = new Map<number, { x: number; y: number }>();
  private pinch: { distance: number; frame: Frame } | null = null;

  constructor() {
    // Inputs are set after construction: open the file once it is there (and again if it changes).
    effect(() => {
      const file = this.file();
      untracked(() => void this.open(file));
    });
    this.destroyRef.onDestroy(() => {
      this.picture()?.bitmap.close();
      void this.working?.then(
        (bitmap) => bitmap.close(),
        () => undefined,
      );
    });
    afterRenderEffect(() => this.draw());
  }

  /**
   * A first decode at the screen's size is shown at once; the working picture (for the export and
   * deep zooms) replaces it when decoded, in the same coordinates, so the frame does not move.
   */
  private async open(file: File): Promise<void> {
    performance.mark(ASSISTANT_MARKS.editorStarted);
    this.firstDrawn = false;
    this.head = null;
    this.frameStart.set(null);
    const opened = await openPicture(
      file,
      Math.ceil(VIEW_MAX_CSS_PX * (globalThis.devicePixelRatio || 1)),
    );
    if (!opened.ok) {
      this.error.set(opened.message);
      return;
    }
    const picture = { bitmap: opened.display, width: opened.width, height: opened.height };
    this.working = opened.working;
    this.picture.set(picture);
    this.frame.set(frameForFace(this.face(), picture));
    opened.working.then(
      (bitmap) => {
        if (bitmap === opened.display) return;
        opened.display.close();
        this.picture.set({ ...picture, bitmap });
      },
      () =>
        this.error.set(
          'Cette image n’a pas pu être ouverte en entier sur cet appareil. Essayez avec une autre photo.',
        ),
    );
    if (!this.face()) void this.placeOnHead(opened.working, picture);
  }

  /**
   * The detector (lazy chunk) finds the head in the working picture (the frame's coordinates):
   * the frame moves onto it, unless the driver has already moved it.
   */
  private async placeOnHead(
    working: Promise<ImageBitmap>,
    size: { width: number; height: number },
  ): Promise<void> {
    const start = this.frame();
    const head = await working.then(headIn, () => null);
    if (this.working !== working) return;
    this.head = head;
    if (head && this.frame() === start) this.frame.set(frameForFace(head, size));
    this.frameStart.set(head ? 'face' : 'centre');
  }

  private viewSize(): { width: number; height: number } | null {
    const canvas = this.canvas()?.nativeElement;
    if (!canvas) return null;
    return { width: canvas.clientWidth, height: canvas.clientHeight };
  }

  /** The picture under the frame, the margin dimmed, at the screen's pixel density. */
  private draw(): void {
    const canvas = this.canvas()?.nativeElement;
    const picture = this.picture();
    const frame = this.frame();
    if (!canvas || !picture || !frame) return;
    const fitted = fitCanvasToDisplay(canvas);
    if (!fitted) return;
    const { ctx, width, height } = fitted;
    ctx.fillStyle = '#666';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingQuality = 'high';
    const view = { ...frame, height: frame.height * (1 + 2 * VIEW_MARGIN) };
    ctx.setTransform(...outputTransform(view, { width, height }));
    ctx.drawImage(picture.bitmap, 0, 0, picture.width, picture.height);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const m = (VIEW_MARGIN / (1 + 2 * VIEW_MARGIN)) * height;
    const mx = (VIEW_MARGIN / (1 + 2 * VIEW_MARGIN)) * width;
    ctx.fillStyle = 'rgba(0, 0, 0, 0.55)';
    ctx.fillRect(0, 0, width, m);
    ctx.fillRect(0, height - m, width, m);
    ctx.fillRect(0, m, mx, height - 2 * m);
    ctx.fillRect(width - mx, m, mx, height - 2 * m);
    if (!this.firstDrawn) {
      this.firstDrawn = true;
      performance.mark(ASSISTANT_MARKS.firstDraw);
    }
  }

  private update(
    change: (frame: Frame, picture: { width: number; height: number }) => Frame,
  ): void {
    const frame = this.frame();
    const picture = this.picture();
    if (frame && picture) this.frame.set(change(frame, picture));
  }

  /** Drag by (dx, dy) screen pixels. */
  protected move(dx: number, dy: number): void {
    const view = this.viewSize();
    if (!view) return;
    const frameView = view.height / (1 + 2 * VIEW_MARGIN);
    this.update((f, p) => panFrame(f, dx, dy, frameView, p));
  }

  protected zoom(factor: number): void {
    this.update((f, p) => zoomFrame(f, factor, p));
  }

  protected turn(quarters: number): void {
    this.update((f, p) => turnFrame(f, quarters, p));
  }

  protected straighten(event: Event): void {
    const degrees = Number((event.target as HTMLInputElement).value);
    this.update((f, p) => straightenFrame(f, degrees, p));
  }

  protected reset(): void {
    const picture = this.picture();
    if (picture) this.frame.set(frameForFace(this.face() ?? this.head, picture));
  }

  protected keydown(event: KeyboardEvent): void {
    const step = event.shiftKey ? KEY_STEP * 5 : KEY_STEP;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => this.move(-step, 0),
      ArrowRight: () => this.move(step, 0),
      ArrowUp: () => this.move(0, -step),
      ArrowDown: () => this.move(0, step),
      '+': () => this.zoom(ZOOM_STEP),
      '=': () => this.zoom(ZOOM_STEP),
      '-': () => this.zoom(1 / ZOOM_STEP),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  protected pointerDown(event: PointerEvent): void {
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    this.startPinch();
  }

  protected pointerMove(event: PointerEvent): void {
    const last = this.pointers.get(event.pointerId);
    if (!last) return;
    const now = { x: event.clientX, y: event.clientY };
    this.pointers.set(event.pointerId, now);
    if (this.pointers.size === 1) {
      this.move(now.x - last.x, now.y - last.y);
    } else if (this.pinch) {
      const distance = this.pinchDistance();
      const picture = this.picture();
      if (picture && distance > 0)
        this.frame.set(zoomFrame(this.pinch.frame, distance / this.pinch.distance, picture));
    }
  }

  protected pointerUp(event: PointerEvent): void {
    this.pointers.delete(event.pointerId);
    this.startPinch();
  }

  protected wheel(event: WheelEvent): void {
    event.preventDefault();
    this.zoom(Math.pow(ZOOM_STEP, -event.deltaY / 100));
  }

  private startPinch(): void {
    const frame = this.frame();
    this.pinch =
      this.pointers.size === 2 && frame ? { distance: this.pinchDistance(), frame } : null;
  }

  private pinchDistance(): number {
    const [a, b] = [...this.pointers.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  }

  /** « Valider le cadrage »: crop, turn and resample onto 413 × 531, then the JPEG. */
  protected async confirm(): Promise<void> {
    const picture = this.picture();
    const frame = this.frame();
    if (!picture || !frame || !this.working || this.exporting()) return;
    this.exporting.set(true);
    this.exportError.set(null);
    try {
      const working = await this.working;
      const canvas = document.createElement('canvas');
      canvas.width = this.output.width;
      canvas.height = this.output.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.imageSmoothingQuality = 'high';
      ctx.setTransform(...outputTransform(frame, this.output));
      ctx.drawImage(working, 0, 0, picture.width, picture.height);
      this.confirmed.emit(await exportJpeg(canvas, this.output));
    } catch {
      this.exportError.set(
        'La photo n’a pas pu être préparée sur cet appareil. Réessayez, ou choisissez une autre photo.',
      );
    } finally {
      this.exporting.set(false);
    }
  }
}
