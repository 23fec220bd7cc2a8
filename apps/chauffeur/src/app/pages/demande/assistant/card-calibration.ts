import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { observedWidth } from './display-canvas';
import { CSS_PX_PER_MM, ID1_CARD_MM, MAX_PX_PER_MM, MIN_PX_PER_MM } from './true-size';

/** Finer than a pixel of a card's width: the driver can match the card's edge exactly. */
const FINE_STEP = 0.01;
const COARSE_STEP = 0.1;

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The calibration against a bank card: a rectangle of a card's proportions, standing up (its
 * 53.98 mm fit across a phone's screen), that the driver widens or narrows until a real card held
 * against the screen covers it exactly: by dragging its edge (finger, stylus, mouse), with the
 * slider (arrow keys) or with the buttons.
 */
@Component({
  selector: 'app-card-calibration',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fr-mt-2w" id="etalonnage">
      <p id="etalonnage-aide" class="fr-text--sm">
        Tenez une carte bancaire debout contre l’écran, sur le rectangle, son coin en haut à gauche.
        Élargissez ou réduisez le rectangle jusqu’à ce que la carte le recouvre exactement, puis
        enregistrez. Toute carte au même format convient (carte Vitale, permis de conduire) ; elle
        reste dans votre main : rien n’est photographié ni envoyé.
      </p>
      <div #room class="calibration-room">
        <div
          class="calibration-card"
          data-testid="calibration-card"
          aria-hidden="true"
          [style.width.px]="widthPx()"
          [style.height.px]="heightPx()"
          (pointerdown)="grab($event)"
          (pointermove)="drag($event)"
          (pointerup)="release($event)"
          (pointercancel)="release($event)"
        >
          <span class="calibration-card__text">largeur : {{ formatMm(cardMm.height) }} mm</span>
          <span class="calibration-card__handle"></span>
        </div>
      </div>
      <div class="fr-input-group fr-mt-2w">
        <label class="fr-label" for="etalonnage-largeur">
          Largeur du rectangle
          <span class="fr-hint-text"
            >Au clavier : flèches gauche et droite. La largeur doit être celle de la carte debout,
            53,98 mm.</span
          >
        </label>
        <input
          id="etalonnage-largeur"
          class="calibration-range"
          type="range"
          [min]="min"
          [max]="max()"
          [step]="fineStep"
          [value]="value()"
          [attr.aria-valuetext]="widthPx() + ' pixels à l’écran pour 53,98 mm'"
          (input)="set(+$any($event.target).value)"
        />
      </div>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button
            type="button"
            class="fr-btn fr-btn--tertiary fr-btn--sm"
            (click)="set(value() - coarseStep)"
          >
            Rectangle plus étroit
          </button>
        </li>
        <li>
          <button
            type="button"
            class="fr-btn fr-btn--tertiary fr-btn--sm"
            (click)="set(value() + coarseStep)"
          >
            Rectangle plus large
          </button>
        </li>
        <li>
          <button type="button" class="fr-btn" (click)="saved.emit(value())">
            Enregistrer ce réglage
          </button>
        </li>
        <li>
          <button type="button" class="fr-btn fr-btn--secondary" (click)="forgotten.emit()">
            Revenir à la taille approximative
          </button>
        </li>
      </ul>
    </div>
  `,
  styles: `
    .calibration-room {
      width: 100%;
      overflow: hidden;
    }
    .calibration-card {
      position: relative;
      max-width: 100%;
      box-sizing: border-box;
      border: 2px solid var(--border-action-high-blue-france);
      border-radius: 0.25rem;
      background: repeating-linear-gradient(
        45deg,
        var(--background-alt-blue-france),
        var(--background-alt-blue-france) 8px,
        var(--background-default-grey) 8px,
        var(--background-default-grey) 16px
      );
      touch-action: none;
      cursor: ew-resize;
    }
    .calibration-card__text {
      position: absolute;
      left: 0.5rem;
      top: 0.5rem;
      font-size: 0.875rem;
      color: var(--text-default-grey);
      background: var(--background-default-grey);
      padding: 0 0.25rem;
    }
    .calibration-card__handle {
      position: absolute;
      right: -2px;
      top: calc(50% - 1.5rem);
      width: 1rem;
      height: 3rem;
      background: var(--background-action-high-blue-france);
      border-radius: 0.25rem 0 0 0.25rem;
    }
    .calibration-range {
      width: 100%;
    }
  `,
})
export class CardCalibration {
  /** The pixels per millimetre to start from: the stored calibration, or the approximate one. */
  readonly start = input(CSS_PX_PER_MM);
  readonly changed = output<number>();
  readonly saved = output<number>();
  readonly forgotten = output<void>();

  private readonly room = viewChild.required<ElementRef<HTMLElement>>('room');
  protected readonly cardMm = ID1_CARD_MM;
  protected readonly min = MIN_PX_PER_MM;
  protected readonly fineStep = FINE_STEP;
  protected readonly coarseStep = COARSE_STEP;
  /** The widest the rectangle can be in this layout: the room's width. */
  private readonly roomWidth = observedWidth(() => this.room());
  protected readonly max = computed(() =>
    round(Math.min(MAX_PX_PER_MM, Math.max(this.roomWidth(), 1) / ID1_CARD_MM.height)),
  );
  protected readonly value = signal(CSS_PX_PER_MM);
  protected readonly widthPx = computed(() => Math.round(this.value() * ID1_CARD_MM.height));
  protected readonly heightPx = computed(() => Math.round(this.value() * ID1_CARD_MM.width));
  private dragFrom: { x: number; value: number } | null = null;

  constructor() {
    // After the room's first measure (observedWidth's own afterNextRender runs first).
    afterNextRender(() => this.value.set(round(Math.min(this.start(), this.max()))));
  }

  protected set(value: number): void {
    const next = round(Math.min(this.max(), Math.max(MIN_PX_PER_MM, value)));
    this.value.set(next);
    this.changed.emit(next);
  }

  protected grab(event: PointerEvent): void {
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    this.dragFrom = { x: event.clientX, value: this.value() };
  }

  protected drag(event: PointerEvent): void {
    if (this.dragFrom)
      this.set(this.dragFrom.value + (event.clientX - this.dragFrom.x) / ID1_CARD_MM.height);
  }

  protected release(event: PointerEvent): void {
    (event.currentTarget as HTMLElement).releasePointerCapture?.(event.pointerId);
    this.dragFrom = null;
  }

  protected formatMm(mm: number): string {
    return mm.toLocaleString('fr-FR');
  }
}
