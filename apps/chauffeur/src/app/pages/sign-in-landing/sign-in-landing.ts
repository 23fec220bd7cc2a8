import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { ApiErrorBody, ApplicationDetail } from '@t3p/contracts';
import { DriverApi, apiErrorOf } from '../../api/auth-api';

const CIVILITY: Record<string, string> = { M: 'Monsieur', MME: 'Madame' };

/** Where a driver lands after signing in: their details and the préfecture's request (détail). */
@Component({
  selector: 'app-sign-in-landing-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fr-container fr-my-4w fr-my-md-6w">
      <h1>Votre demande d’images</h1>
      @if (error(); as failure) {
        <div class="fr-alert fr-alert--error" role="alert">
          <h2 class="fr-alert__title">{{ failure.statusCode === 401 ? 'Vous n’êtes pas connecté' : 'Affichage impossible' }}</h2>
          <p>
            {{ failure.statusCode === 401
              ? 'Votre session a pris fin. Ouvrez le lien du courriel de demande d’images pour recevoir un nouveau lien de connexion.'
              : failure.message }}
          </p>
        </div>
      } @else if (detail(); as d) {
        <div class="fr-grid-row fr-grid-row--gutters">
          <section class="fr-col-12 fr-col-md-6" aria-labelledby="titre-identite">
            <h2 id="titre-identite" class="fr-h4">Vos informations</h2>
            <dl>
              <dt class="fr-text--bold">Nom</dt>
              <dd>{{ civility(d.driver.civility) }} {{ d.driver.firstName }} {{ d.driver.lastName }}</dd>
              <dt class="fr-text--bold">Identifiant de chauffeur</dt>
              <dd>{{ d.driver.driverIdentifier }}</dd>
              <dt class="fr-text--bold">Carte demandée</dt>
              <dd>Carte {{ d.application.cardType }} n° {{ d.application.cardNumber }}</dd>
              <dt class="fr-text--bold">Adresse</dt>
              <dd>
                {{ d.driver.address.line1 }}<br />
                @if (d.driver.address.line2) { {{ d.driver.address.line2 }}<br /> }
                {{ d.driver.address.postalCode }} {{ d.driver.address.city }}
              </dd>
            </dl>
          </section>
          <section class="fr-col-12 fr-col-md-6" aria-labelledby="titre-demande">
            <h2 id="titre-demande" class="fr-h4">La demande de la préfecture</h2>
            @if (d.request; as r) {
              <dl>
                <dt class="fr-text--bold">Préfecture</dt>
                <dd>{{ d.application.prefecture.name }}</dd>
                <dt class="fr-text--bold">Date de la demande</dt>
                <dd>{{ date(r.createdAt) }}</dd>
                <dt class="fr-text--bold">Pièces demandées</dt>
                <dd>{{ pieces(r.photoRequested, r.signatureRequested) }}</dd>
                <dt class="fr-text--bold">Motif</dt>
                <dd>{{ r.reason }}</dd>
                @if (r.deadline) {
                  <dt class="fr-text--bold">À envoyer avant le</dt>
                  <dd>{{ date(r.deadline) }}</dd>
                }
              </dl>
            } @else {
              <p>Aucune demande d’images n’est en cours pour votre carte.</p>
            }
          </section>
        </div>
        <button type="button" class="fr-btn fr-btn--secondary fr-mt-4w" (click)="signOut()">Se déconnecter</button>
      } @else {
        <p role="status">Chargement de votre demande…</p>
      }
    </div>
  `,
})
export class SignInLandingPage implements OnInit {
  private readonly api = inject(DriverApi);
  private readonly router = inject(Router);
  protected readonly detail = signal<ApplicationDetail | null>(null);
  protected readonly error = signal<ApiErrorBody | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      this.detail.set(await this.api.application());
    } catch (error) {
      this.error.set(apiErrorOf(error));
    }
  }

  protected civility(code: string): string {
    return CIVILITY[code] ?? '';
  }

  protected date(iso: string): string {
    return new Date(iso).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
  }

  protected pieces(photo: boolean, signature: boolean): string {
    return photo && signature ? 'La photo d’identité et la signature' : photo ? 'La photo d’identité' : 'La signature';
  }

  async signOut(): Promise<void> {
    try {
      await this.api.signOut();
    } finally {
      await this.router.navigateByUrl('/');
    }
  }
}
