import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { FaceBox } from '@t3p/image-assistant';
import type { QualityWarning } from '@t3p/image-warnings';

/** The User Timing measure of one analysis, lazy chunk included on the first (read by tools/bench/warnings-browser-bench.ts). */
export const ANALYSIS_MEASURE = 't3p-quality-warnings';

/**
 * The quality warnings of a file, computed in this browser. The detector and TensorFlow.js are
 * in a lazy chunk, fetched the first time a photo is checked or opened in the assistant.
 */
export async function qualityWarningsOf(
  file: Blob,
  kind: 'photo' | 'signature',
): Promise<QualityWarning[] | null> {
  const start = performance.now();
  try {
    const analysis = await import('./quality-analysis');
    return await analysis.browserQualityWarnings(file, kind);
  } catch {
    return null;
  } finally {
    performance.measure(ANALYSIS_MEASURE, { start, detail: { kind } });
  }
}

/** The head found by the detector in a decoded picture (the assistant's first frame); null when none. */
export async function headIn(bitmap: ImageBitmap): Promise<FaceBox | null> {
  try {
    const analysis = await import('./quality-analysis');
    return await analysis.findHead(bitmap);
  } catch {
    return null;
  }
}

/**
 * What the device noticed on an accepted file: each warning (measured and expected figure, and
 * what to do), never blocking; « Corriger ma photo » / « Corriger ma signature » is offered.
 */
@Component({
  selector: 'app-quality-warnings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (warnings(); as list) {
      @if (list.length) {
        <div class="fr-alert fr-alert--warning fr-mt-2w" data-testid="quality-warnings">
          <h3 class="fr-alert__title">
            {{ list.length > 1 ? list.length + ' points à vérifier' : 'Un point à vérifier' }} avant
            de valider
          </h3>
          <p>
            Votre fichier respecte les règles, mais la préfecture pourrait le refuser pour
            {{ list.length > 1 ? 'les raisons' : 'la raison' }}
            ci-dessous (vérification faite sur votre appareil). Ce n’est pas bloquant : vous pouvez
            continuer avec « Suivant ».
          </p>
        </div>
        <ul class="fr-mt-2w">
          @for (warning of list; track warning.code) {
            <li class="fr-mb-2w" [attr.data-warning-code]="warning.code">
              <p class="fr-mb-1v">{{ warning.message }}</p>
              <p class="fr-text--sm fr-mb-0">
                <span class="fr-text--bold">Comment faire :</span> {{ warning.hint }}
              </p>
            </li>
          }
        </ul>
        @if (canCorrect()) {
          <p>
            <button type="button" class="fr-btn fr-btn--secondary" (click)="correct.emit()">
              {{ correctLabel() }}
            </button>
          </p>
        }
      } @else {
        <p class="fr-text--sm fr-mt-1w" data-testid="quality-warnings-none">
          Aucun défaut de qualité repéré sur votre appareil (cadrage, fond, lumière, netteté).
        </p>
      }
    } @else if (checking()) {
      <p class="fr-text--sm fr-mt-1w" role="status">
        Vérification de la qualité sur votre appareil…
      </p>
    }
  `,
})
export class QualityWarningsView {
  /** null: not known (still checking, or this browser cannot tell). */
  readonly warnings = input<readonly QualityWarning[] | null>(null);
  readonly checking = input(false);
  readonly canCorrect = input(true);
  readonly correctLabel = input('Corriger ma photo');
  readonly correct = output<void>();
}
