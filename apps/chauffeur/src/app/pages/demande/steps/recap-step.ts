import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router } from '@angular/router';
import { DriverApi } from '../../../api/auth-api';
import { imageUrlOf } from '../../../api/request-api';
import { dateFr, dateTimeFr, PIECE_LABEL } from '../format';
import { WizardStepper } from '../wizard-stepper';
import { WizardStore } from '../wizard-store';

/** Last step: what was sent and when, and what happens next. Also the page of a submitted request. */
@Component({
  selector: 'app-recap-step',
  imports: [WizardStepper],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-wizard-stepper step="recapitulatif" />
    @if (store.request(); as r) {
      <div class="fr-alert fr-alert--success" role="status">
        <h2 class="fr-alert__title">Vos images ont bien été envoyées</h2>
        <p>
          Envoi reçu le {{ submittedAt() }}. Un accusé de réception vous a été adressé par courriel.
        </p>
      </div>

      <h2 class="fr-h4 fr-mt-4w">Ce que vous avez envoyé</h2>
      <div class="fr-grid-row fr-grid-row--gutters">
        @for (image of r.images; track image.id) {
          <div class="fr-col-12 fr-col-sm-6">
            <figure class="fr-content-media fr-m-0">
              <img
                class="recap-image"
                [src]="url(image.piece, image.sha256)"
                [alt]="image.piece === 'PHOTO' ? 'Photo d’identité envoyée' : 'Signature envoyée'"
              />
              <figcaption class="fr-content-media__caption">
                {{ label[image.piece] }} — {{ image.format === 'pdf' ? 'PDF' : 'JPEG' }}, déposé le
                {{ date(image.uploadedAt) }}
              </figcaption>
            </figure>
          </div>
        }
      </div>

      <h2 class="fr-h4 fr-mt-4w">Et maintenant ?</h2>
      <ol>
        <li>
          La {{ prefecture() }} examine vos images. Vous n’avez rien d’autre à faire pour l’instant.
        </li>
        <li>
          Si elles conviennent, votre demande de carte est validée et vous recevez un courriel pour
          payer la carte ; elle est ensuite fabriquée et envoyée.
        </li>
        <li>
          Si une image ne convient pas, vous recevez une nouvelle demande d’images qui en donne le
          motif, et vous revenez sur ce portail pour la remplacer.
        </li>
      </ol>
      <p>Vous pouvez fermer cette page.</p>
      <button type="button" class="fr-btn fr-btn--secondary" (click)="signOut()">
        Se déconnecter
      </button>
    }
  `,
  styles: `
    .recap-image {
      display: block;
      height: auto;
      max-width: 100%;
      max-height: 12rem;
      border: 1px solid var(--border-default-grey);
    }
  `,
})
export class RecapStep {
  protected readonly store = inject(WizardStore);
  private readonly auth = inject(DriverApi);
  private readonly router = inject(Router);
  protected readonly label = PIECE_LABEL;
  protected readonly date = dateFr;
  protected readonly submittedAt = computed(() => dateTimeFr(this.store.request()?.submittedAt));
  protected readonly prefecture = computed(() => {
    const name = this.store.detail()?.application.prefecture.name ?? 'préfecture';
    return name.replace(/^Préfecture/, 'préfecture');
  });

  protected url(piece: 'PHOTO' | 'SIGNATURE', version: string): string {
    return imageUrlOf(piece, version);
  }

  protected async signOut(): Promise<void> {
    try {
      await this.auth.signOut();
    } finally {
      await this.router.navigateByUrl('/');
    }
  }
}
