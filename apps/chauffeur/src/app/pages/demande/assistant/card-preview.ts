import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { CardType } from '@t3p/contracts';
import { CardCalibration } from './card-calibration';
import { observedWidth } from './display-canvas';
import {
  CSS_PX_PER_MM,
  ID1_CARD_MM,
  clearCalibration,
  loadCalibration,
  saveCalibration,
} from './true-size';

/**
 * Where the photo and the signature sit on this mock-up, in millimetres of the 85.60 × 53.98 mm
 * card. The mock-up is ours (no official emblem, layout or colours): it shows the driver the size
 * at which their images are printed on a card of this format, not the card itself.
 */
const LAYOUT = {
  photo: { width: 28, height: 36 },
  signature: { width: 30, height: 14.4 },
} as const;

/**
 * The true-size preview: the driver's photo and signature on a mock-up of their card type, at real
 * size when the screen has been calibrated against a bank card (remembered on the device), at the
 * browser's approximate millimetre otherwise, and reduced, saying so, when the screen is narrower
 * than the card.
 */
@Component({
  selector: 'app-card-preview',
  imports: [CardCalibration],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="fr-mt-4w" aria-labelledby="carte-titre">
      <h2 id="carte-titre" class="fr-h4">
        Aperçu à taille réelle sur votre carte {{ cardType() }}
      </h2>
      <p class="fr-text--sm fr-mb-1w">
        Avant de valider, voyez vos images à la taille où elles seront imprimées : la photo mesure
        {{ mm(layout.photo.width) }} × {{ mm(layout.photo.height) }} mm sur cette maquette, la carte
        {{ mm(card.width) }} × {{ mm(card.height) }} mm. La maquette est dessinée par nos soins : la
        vraie carte a sa propre mise en page.
      </p>
      <p class="fr-text--sm" data-testid="card-size-note" aria-live="polite">{{ sizeNote() }}</p>
      @if (notKept()) {
        <p class="fr-text--sm fr-text-default--warning">
          Ce navigateur refuse d’enregistrer le réglage (navigation privée ?) : il vaut pour cette
          page seulement.
        </p>
      }
      <div #room class="card-room">
        <div
          [class]="'card card--' + cardType().toLowerCase()"
          role="img"
          [attr.aria-label]="'Maquette de votre carte ' + cardType() + ' avec ' + contents()"
          [style.--mm]="scale()"
          data-testid="card-preview"
          [attr.data-card-type]="cardType()"
        >
          <div class="card__band">
            <span
              >Carte professionnelle <strong>{{ cardType() }}</strong></span
            >
            <span class="card__specimen">Maquette</span>
          </div>
          <div class="card__fields">
            <span class="card__label">Nom</span>
            <span class="card__value">{{ lastName() }}</span>
            <span class="card__label">Prénom</span>
            <span class="card__value">{{ firstName() }}</span>
            @if (cardNumber()) {
              <span class="card__label">N°</span>
              <span class="card__value">{{ cardNumber() }}</span>
            }
          </div>
          @for (box of boxes(); track box.key) {
            <div [class]="'card__' + box.key">
              @if (box.src) {
                <img [src]="box.src" alt="" />
              } @else {
                <span>{{ box.label }}</span>
              }
            </div>
          }
        </div>
      </div>
      <button
        type="button"
        class="fr-btn fr-btn--tertiary fr-btn--sm fr-mt-2w"
        aria-controls="etalonnage"
        [attr.aria-expanded]="calibrating()"
        (click)="calibrating.set(!calibrating())"
      >
        {{
          calibrated()
            ? 'Refaire le réglage avec une carte bancaire'
            : 'Régler la taille réelle avec une carte bancaire'
        }}
      </button>
      @if (calibrating()) {
        <app-card-calibration
          [start]="pxPerMm()"
          (changed)="draft.set($event)"
          (saved)="save($event)"
          (forgotten)="forget()"
        />
      }
    </section>
  `,
  styles: `
    .card-room {
      width: 100%;
    }
    .card {
      --u: calc(var(--mm) * 1px);
      position: relative;
      box-sizing: border-box;
      width: calc(var(--u) * 85.6);
      height: calc(var(--u) * 53.98);
      border-radius: calc(var(--u) * 3.18);
      overflow: hidden;
      background: #f4f1ea;
      color: #1e1e1e;
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.35);
      font-family: Marianne, Arial, sans-serif;
    }
    .card__band {
      position: absolute;
      inset: 0 0 auto 0;
      height: calc(var(--u) * 9);
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding-inline: calc(var(--u) * 4);
      color: #fff;
      font-size: calc(var(--u) * 3);
      line-height: 1;
      background: var(--band);
    }
    .card--vtc {
      --band: #23356b;
    }
    .card--taxi {
      --band: #7a3300;
    }
    .card--vmdtr {
      --band: #1d5636;
    }
    .card__specimen {
      font-size: calc(var(--u) * 2.4);
      text-transform: uppercase;
      letter-spacing: 0.08em;
    }
    .card__photo,
    .card__signature {
      position: absolute;
      display: flex;
      align-items: center;
      justify-content: center;
      background: #fff;
      border: 1px solid #6a6a6a;
      box-sizing: border-box;
      color: #3a3a3a;
      font-size: calc(var(--u) * 2.6);
    }
    .card__photo {
      left: calc(var(--u) * 4);
      top: calc(var(--u) * 12);
      width: calc(var(--u) * 28);
      height: calc(var(--u) * 36);
    }
    .card__signature {
      left: calc(var(--u) * 36);
      top: calc(var(--u) * 33);
      width: calc(var(--u) * 30);
      height: calc(var(--u) * 14.4);
    }
    .card__photo img,
    .card__signature img {
      width: 100%;
      height: 100%;
      display: block;
    }
    .card__fields {
      position: absolute;
      left: calc(var(--u) * 36);
      top: calc(var(--u) * 12);
      right: calc(var(--u) * 4);
      display: grid;
      grid-template-columns: auto 1fr;
      column-gap: calc(var(--u) * 2);
      row-gap: calc(var(--u) * 0.8);
      font-size: calc(var(--u) * 2.6);
      line-height: 1.1;
    }
    .card__label {
      color: #3a3a3a;
    }
    .card__value {
      font-weight: 700;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
})
export class CardPreview {
  readonly cardType = input.required<CardType>();
  readonly lastName = input('');
  readonly firstName = input('');
  readonly cardNumber = input<string | null>(null);
  /** The images to show (URLs); null: the empty box is labelled. */
  readonly photoUrl = input<string | null>(null);
  readonly signatureUrl = input<string | null>(null);

  private readonly room = viewChild.required<ElementRef<HTMLElement>>('room');
  protected readonly card = ID1_CARD_MM;
  protected readonly layout = LAYOUT;
  private readonly stored = signal(loadCalibration());
  /** While the driver calibrates, the mock-up follows the rectangle. */
  protected readonly draft = signal<number | null>(null);
  protected readonly calibrating = signal(false);
  protected readonly notKept = signal(false);
  private readonly roomWidth = observedWidth(() => this.room());
  protected readonly calibrated = computed(() => this.stored() !== null);
  protected readonly pxPerMm = computed(() => this.draft() ?? this.stored() ?? CSS_PX_PER_MM);
  /** Pixels per millimetre drawn: the true value, or less when the card does not fit. */
  protected readonly scale = computed(() => {
    const fit =
      this.roomWidth() > 0 ? this.roomWidth() / ID1_CARD_MM.width : Number.POSITIVE_INFINITY;
    return Math.min(this.pxPerMm(), fit);
  });
  /** The two image boxes of the card, in millimetres placed by the styles. */
  protected readonly boxes = computed(() => [
    { key: 'photo', label: 'Photo', src: this.photoUrl() },
    { key: 'signature', label: 'Signature', src: this.signatureUrl() },
  ]);
  protected readonly contents = computed(() => {
    const shown = [
      this.photoUrl() && 'votre photo',
      this.signatureUrl() && 'votre signature',
    ].filter(Boolean);
    return shown.length
      ? `${shown.join(' et ')} à leur taille d’impression`
      : 'les emplacements de la photo et de la signature';
  });
  protected readonly sizeNote = computed(() => {
    const percent = Math.round((this.scale() / this.pxPerMm()) * 100);
    const how =
      this.draft() !== null
        ? 'Taille suivant le rectangle en cours de réglage.'
        : this.calibrated()
          ? 'Taille réelle, d’après le réglage fait sur cet appareil avec une carte bancaire.'
          : 'Taille approximative : cet écran n’a pas encore été réglé. Pour la taille exacte, réglez-le avec une carte bancaire (bouton sous la maquette).';
    return percent < 100
      ? `${how} L’écran est trop étroit pour la carte entière : elle est montrée à ${percent} %. Tournez le téléphone ou élargissez la fenêtre pour la voir en vraie grandeur.`
      : how;
  });

  protected save(pxPerMm: number): void {
    const kept = saveCalibration(pxPerMm);
    this.notKept.set(!kept);
    this.stored.set(kept ? loadCalibration() : pxPerMm);
    this.draft.set(null);
    this.calibrating.set(false);
  }

  protected forget(): void {
    clearCalibration();
    this.notKept.set(false);
    this.stored.set(null);
    this.draft.set(null);
    this.calibrating.set(false);
  }

  protected mm(value: number): string {
    return value.toLocaleString('fr-FR');
  }
}
