import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterRenderEffect,
  effect,
  inject,
  untracked,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { type Box, DEFAULT_LEVELS, OUTPUT } from '@t3p/image-assistant';
import { decodePicture } from './decode-picture';
import { exportJpeg, type ExportedJpeg } from './export-jpeg';
import { findInk, renderSignature, signatureCrop } from './signature-render';

const MARGINS = [0.04, 0.1, 0.2, 0.35];
const BLACKS = [0.3, DEFAULT_LEVELS.black, 0.6, 0.7];

/**
 * « Corriger ma signature »: from a photo or scan of the signature on paper, the ink found and
 * cropped with a margin at 25:12, the paper made white and the ink dark, in grayscale.
 */
@Component({
  selector: 'app-signature-assistant',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="fr-mt-2w" aria-labelledby="signature-assistant-titre">
      <h3 id="signature-assistant-titre" class="fr-h5">Corriger ma signature</h3>
      <p class="fr-text--sm">
        L’assistant trouve votre signature sur la photo, la recadre avec une petite marge, rend le
        papier blanc et l’encre foncée, en niveaux de gris. Seul ce résultat ({{ output.width }} ×
        {{ output.height }} pixels, {{ output.dpi }} DPI) est envoyé.
      </p>
      @if (error(); as message) {
        <div class="fr-alert fr-alert--error" role="alert">
          <h4 class="fr-alert__title">Signature introuvable</h4>
          <p>{{ message }}</p>
        </div>
        <button type="button" class="fr-btn fr-btn--secondary fr-mt-2w" (click)="cancelled.emit()">
          Choisir une autre image
        </button>
      } @else if (!ink()) {
        <p role="status">Recherche de la signature…</p>
      } @else {
        <canvas
          #preview
          class="signature-preview"
          role="img"
          aria-label="Aperçu de la signature corrigée"
          data-testid="signature-preview"
        ></canvas>
        <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-2w">
          <li>
            <button
              type="button"
              class="fr-btn fr-btn--tertiary"
              [disabled]="margin() === 0"
              (click)="margin.set(margin() - 1)"
            >
              Moins de marge
            </button>
          </li>
          <li>
            <button
              type="button"
              class="fr-btn fr-btn--tertiary"
              [disabled]="margin() === margins.length - 1"
              (click)="margin.set(margin() + 1)"
            >
              Plus de marge
            </button>
          </li>
          <li>
            <button
              type="button"
              class="fr-btn fr-btn--tertiary"
              [disabled]="black() === blacks.length - 1"
              (click)="black.set(black() + 1)"
            >
              Encre plus foncée
            </button>
          </li>
          <li>
            <button
              type="button"
              class="fr-btn fr-btn--tertiary"
              [disabled]="black() === 0"
              (click)="black.set(black() - 1)"
            >
              Encre plus claire
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
            <button type="button" class="fr-btn" [disabled]="exporting()" (click)="confirm()">
              Valider la signature
            </button>
          </li>
          <li>
            <button type="button" class="fr-btn fr-btn--secondary" (click)="cancelled.emit()">
              Annuler
            </button>
          </li>
        </ul>
      }
    </section>
  `,
  styles: `
    .signature-preview {
      display: block;
      width: min(100%, 25rem);
      aspect-ratio: 25 / 12;
      border: 1px solid var(--border-default-grey);
    }
  `,
})
export class SignatureAssistant {
  readonly file = input.required<File>();
  readonly confirmed = output<ExportedJpeg>();
  readonly cancelled = output<void>();

  private readonly preview = viewChild<ElementRef<HTMLCanvasElement>>('preview');
  private bitmap: ImageBitmap | null = null;
  protected readonly output = OUTPUT.signature;
  protected readonly margins = MARGINS;
  protected readonly blacks = BLACKS;
  protected readonly ink = signal<Box | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly margin = signal(1);
  protected readonly black = signal(1);
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);

  constructor() {
    // Inputs are set after construction: open the file once it is there (and again if it changes).
    effect(() => {
      const file = this.file();
      untracked(() => void this.open(file));
    });
    inject(DestroyRef).onDestroy(() => this.bitmap?.close());
    afterRenderEffect(() => {
      const canvas = this.preview()?.nativeElement;
      const ink = this.ink();
      const margin = MARGINS[this.margin()];
      const black = BLACKS[this.black()];
      if (!canvas || !ink || !this.bitmap) return;
      const rendered = renderSignature(this.bitmap, signatureCrop(ink, margin), black);
      canvas.width = rendered.width;
      canvas.height = rendered.height;
      canvas.getContext('2d')?.drawImage(rendered, 0, 0);
    });
  }

  private async open(file: File): Promise<void> {
    const decoded = await decodePicture(file);
    if (!decoded.ok) {
      this.error.set(decoded.message);
      return;
    }
    this.bitmap = decoded.bitmap;
    const ink = findInk(decoded.bitmap);
    if (!ink) {
      this.error.set(
        'Aucune signature n’a été trouvée sur cette image. Signez à l’encre foncée sur une feuille blanche, photographiez-la de près et bien éclairée, ou signez sur l’écran.',
      );
      return;
    }
    this.ink.set(ink);
  }

  protected async confirm(): Promise<void> {
    const ink = this.ink();
    if (!ink || !this.bitmap || this.exporting()) return;
    this.exporting.set(true);
    this.exportError.set(null);
    try {
      const canvas = renderSignature(
        this.bitmap,
        signatureCrop(ink, MARGINS[this.margin()]),
        BLACKS[this.black()],
      );
      this.confirmed.emit(await exportJpeg(canvas, this.output));
    } catch {
      this.exportError.set(
        'La signature n’a pas pu être préparée sur cet appareil. Réessayez, ou signez sur l’écran.',
      );
    } finally {
      this.exporting.set(false);
    }
  }
}
