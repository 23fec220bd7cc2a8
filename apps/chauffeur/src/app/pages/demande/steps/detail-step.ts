import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { DriverApi } from '../../../api/auth-api';
import { civilityLabel, dateFr, piecesLabel } from '../format';
import { WizardStepper } from '../wizard-stepper';
import { WizardStore } from '../wizard-store';

/** Step 1: who the driver is and what the préfecture asks for. */
@Component({
  selector: 'app-detail-step',
  imports: [WizardStepper, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-wizard-stepper step="detail" />
    @if (store.detail(); as d) {
      <p class="fr-text--lead">
        Bonjour {{ civility(d.driver.civility) }} {{ d.driver.lastName }}, la préfecture vous
        demande de nouvelles images pour fabriquer votre carte professionnelle
        {{ d.application.cardType }}.
      </p>
      <div class="fr-grid-row fr-grid-row--gutters">
        <section class="fr-col-12 fr-col-md-6" aria-labelledby="titre-demande">
          <div class="fr-card fr-card--no-arrow">
            <div class="fr-card__body">
              <div class="fr-card__content">
                <h2 id="titre-demande" class="fr-card__title">La demande de la préfecture</h2>
                @if (request(); as r) {
                  <dl class="fr-card__desc">
                    <dt class="fr-text--bold">Motif</dt>
                    <dd class="fr-mb-2w">{{ r.reason }}</dd>
                    <dt class="fr-text--bold">Pièces à envoyer</dt>
                    <dd class="fr-mb-2w">
                      <ul>
                        @for (piece of r.pieces; track piece) {
                          <li>
                            {{ piece === 'PHOTO' ? 'Votre photo d’identité' : 'Votre signature' }}
                          </li>
                        }
                      </ul>
                    </dd>
                    <dt class="fr-text--bold">Demande faite le</dt>
                    <dd class="fr-mb-2w">{{ date(r.createdAt) }}</dd>
                    @if (r.deadline) {
                      <dt class="fr-text--bold">À envoyer au plus tard le</dt>
                      <dd class="fr-mb-2w">{{ date(r.deadline) }}</dd>
                    }
                    <dt class="fr-text--bold">Préfecture qui validera vos images</dt>
                    <dd>{{ d.application.prefecture.name }}</dd>
                  </dl>
                }
              </div>
            </div>
          </div>
        </section>
        <section class="fr-col-12 fr-col-md-6" aria-labelledby="titre-identite">
          <div class="fr-card fr-card--no-arrow">
            <div class="fr-card__body">
              <div class="fr-card__content">
                <h2 id="titre-identite" class="fr-card__title">Vos informations</h2>
                <dl class="fr-card__desc">
                  <dt class="fr-text--bold">Nom</dt>
                  <dd class="fr-mb-2w">
                    {{ civility(d.driver.civility) }} {{ d.driver.firstName }}
                    {{ d.driver.lastName }}
                  </dd>
                  <dt class="fr-text--bold">Identifiant de chauffeur</dt>
                  <dd class="fr-mb-2w">{{ d.driver.driverIdentifier }}</dd>
                  <dt class="fr-text--bold">Carte</dt>
                  <dd class="fr-mb-2w">
                    Carte {{ d.application.cardType }} n° {{ d.application.cardNumber }}
                  </dd>
                  <dt class="fr-text--bold">Adresse postale</dt>
                  <dd class="fr-mb-2w">
                    {{ d.driver.address.line1 }}<br />
                    @if (d.driver.address.line2) {
                      {{ d.driver.address.line2 }}<br />
                    }
                    {{ d.driver.address.postalCode }} {{ d.driver.address.city }}
                  </dd>
                  <dt class="fr-text--bold">Adresse électronique</dt>
                  <dd>{{ d.driver.email }}</dd>
                </dl>
              </div>
            </div>
          </div>
        </section>
      </div>
      <p class="fr-mt-4w">
        Une information est inexacte ? Signalez-le à votre préfecture ; elle n’empêche pas d’envoyer
        {{ pieces() }}. <a routerLink="/guide">Voir le guide pas à pas</a>.
      </p>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--right fr-mt-4w">
        <li>
          <button type="button" class="fr-btn fr-btn--tertiary" (click)="signOut()">
            Se déconnecter
          </button>
        </li>
        <li><button type="button" class="fr-btn" (click)="next()">Suivant</button></li>
      </ul>
    }
  `,
})
export class DetailStep {
  protected readonly store = inject(WizardStore);
  private readonly router = inject(Router);
  private readonly auth = inject(DriverApi);
  protected readonly request = this.store.request;
  protected readonly pieces = computed(() => piecesLabel(this.request()?.pieces ?? []));
  protected readonly civility = civilityLabel;
  protected readonly date = dateFr;

  protected next(): void {
    void this.router.navigate(['/demande', 'engagement']);
  }

  protected async signOut(): Promise<void> {
    try {
      await this.auth.signOut();
    } finally {
      await this.router.navigateByUrl('/');
    }
  }
}
