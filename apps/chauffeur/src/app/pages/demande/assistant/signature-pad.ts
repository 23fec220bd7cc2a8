import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { OUTPUT, type Point } from '@t3p/image-assistant';
import { fitCanvasToDisplay } from './display-canvas';
import { exportJpeg, type ExportedJpeg } from './export-jpeg';
import { drawStrokes, renderStrokes } from './signature-render';

const PEN_WIDTH = 3;

/** Signing on the screen with a finger, a stylus or a mouse (pointer events), undo and clear. */
@Component({
  selector: 'app-signature-pad',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="fr-mt-2w" aria-labelledby="pad-titre">
      <h3 id="pad-titre" class="fr-h5">Signer sur l’écran</h3>
      <p id="pad-aide" class="fr-text--sm">
        Signez dans le cadre avec le doigt, un stylet ou la souris. Faites votre signature
        manuscrite habituelle, celle de vos papiers : elle figurera sur votre carte.
      </p>
      <p class="fr-text--sm">
        Vous utilisez le clavier ?
        <button type="button" class="fr-link" (click)="useFile.emit()">
          Envoyez plutôt une photo ou un scan de votre signature</button
        >.
      </p>
      <canvas
        #pad
        class="pad"
        role="img"
        aria-label="Zone de signature"
        aria-describedby="pad-aide"
        data-testid="signature-pad"
        (pointerdown)="down($event)"
        (pointermove)="move($event)"
        (pointerup)="up()"
        (pointercancel)="up()"
      ></canvas>
      <p class="fr-text--xs fr-mt-1w" aria-live="polite">
        {{
          strokes().length
            ? strokes().length + ' trait(s) tracé(s).'
            : 'Aucun trait pour l’instant.'
        }}
      </p>
      <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        <li>
          <button
            type="button"
            class="fr-btn fr-btn--tertiary"
            [disabled]="!strokes().length"
            (click)="undo()"
          >
            Annuler le dernier trait
          </button>
        </li>
        <li>
          <button
            type="button"
            class="fr-btn fr-btn--tertiary"
            [disabled]="!strokes().length"
            (click)="clear()"
          >
            Tout effacer
          </button>
        </li>
      </ul>
      @if (exportError(); as message) {
        <div class="fr-alert fr-alert--error fr-mt-2w" role="alert">
          <h4 class="fr-alert__title">Préparation impossible</h4>
          <p>{{ message }}</p>
        </div>
      }
      <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
        <li>
          <button
            type="button"
            class="fr-btn"
            [disabled]="!strokes().length || exporting()"
            (click)="confirm()"
          >
            Valider la signature
          </button>
        </li>
        <li>
          <button type="button" class="fr-btn fr-btn--secondary" (click)="cancelled.emit()">
            Fermer
          </button>
        </li>
      </ul>
    </section>
  `,
  styles: `
    .pad {
      display: block;
      width: min(100%, 32rem);
      aspect-ratio: 2 / 1;
      background: #fff;
      border: 2px solid var(--border-action-high-blue-france);
      touch-action: none;
      cursor: crosshair;
    }
  `,
})
export class SignaturePad {
  readonly confirmed = output<ExportedJpeg>();
  readonly cancelled = output<void>();
  /** The keyboard user's route: back to the file picker. */
  readonly useFile = output<void>();

  private readonly pad = viewChild.required<ElementRef<HTMLCanvasElement>>('pad');
  protected readonly strokes = signal<readonly (readonly Point[])[]>([]);
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);
  private current: Point[] | null = null;

  constructor() {
    afterRenderEffect(() => this.redraw(this.strokes()));
  }

  private point(event: PointerEvent): Point {
    const rect = this.pad().nativeElement.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }

  protected down(event: PointerEvent): void {
    event.preventDefault();
    this.pad().nativeElement.setPointerCapture(event.pointerId);
    this.current = [this.point(event)];
    this.strokes.set([...this.strokes(), this.current]);
  }

  protected move(event: PointerEvent): void {
    if (!this.current) return;
    for (const e of event.getCoalescedEvents?.() ?? [event]) this.current.push(this.point(e));
    this.redraw(this.strokes());
  }

  protected up(): void {
    if (!this.current) return;
    this.current = null;
    this.strokes.set([...this.strokes()]);
  }

  protected undo(): void {
    this.strokes.set(this.strokes().slice(0, -1));
  }

  protected clear(): void {
    this.strokes.set([]);
  }

  private redraw(strokes: readonly (readonly Point[])[]): void {
    const canvas = this.pad().nativeElement;
    const fitted = fitCanvasToDisplay(canvas);
    if (!fitted) return;
    const { ctx, width, height, ratio } = fitted;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawStrokes(ctx, strokes, PEN_WIDTH);
  }

  protected async confirm(): Promise<void> {
    const canvas = renderStrokes(this.strokes(), PEN_WIDTH);
    if (!canvas || this.exporting()) return;
    this.exporting.set(true);
    this.exportError.set(null);
    try {
      this.confirmed.emit(await exportJpeg(canvas, OUTPUT.signature));
    } catch {
      this.exportError.set('La signature n’a pas pu être préparée sur cet appareil. Réessayez.');
    } finally {
      this.exporting.set(false);
    }
  }
}
