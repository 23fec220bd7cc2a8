import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { T3P_CONTACT_CENTRE } from '@t3p/ui';
import { dateFr } from '../format';
import { WizardStore } from '../wizard-store';

/** A request that can no longer change: validated, cancelled, or none at all. Says so and what to do. */
@Component({
  selector: 'app-status-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (state()) {
      @case ('VALIDATED') {
        <h1>Votre demande de carte est validée</h1>
        <div class="fr-alert fr-alert--success">
          <h2 class="fr-alert__title">La préfecture a accepté vos images</h2>
          <p>Décision prise le {{ date(store.request()?.decidedAt) }}.</p>
        </div>
        <h2 class="fr-h4 fr-mt-4w">La suite</h2>
        <p>
          Vous avez reçu un courriel de demande de paiement : suivez son lien pour payer votre carte
          {{ cardType() }}. Elle sera fabriquée puis envoyée dès le paiement reçu. Aucune image
          n’est plus à envoyer sur ce portail.
        </p>
      }
      @case ('CANCELLED') {
        <h1>Votre demande de carte est annulée</h1>
        <div class="fr-alert fr-alert--error">
          <h2 class="fr-alert__title">Les images n’ont pas été envoyées à temps</h2>
          <p>
            La préfecture a demandé vos images le {{ date(store.request()?.createdAt) }}. Sans envoi
            dans le délai (15 jours, puis 30 jours après la relance), la demande d’images a été
            close le {{ date(store.request()?.cancelledAt) }} et, avec elle, votre demande de carte
            {{ cardType() }}.
          </p>
        </div>
        <h2 class="fr-h4 fr-mt-4w">Que faire ?</h2>
        <p>
          Il n’est plus possible de déposer d’images pour cette demande. Pour obtenir votre carte,
          adressez-vous à votre préfecture ({{ prefecture() }}) qui vous indiquera comment déposer
          une nouvelle demande.
        </p>
        <p>
          Une question ? Le centre de contact répond au
          <a [href]="contact.phoneHref">{{ contact.phone }}</a> ({{ contact.phoneNote }}) ou par
          courriel à l’adresse indiquée en bas de page.
        </p>
      }
      @default {
        <h1>Aucune image à envoyer</h1>
        <p>
          Aucune demande d’images n’est en cours pour votre carte. Si la préfecture vous en adresse
          une, vous la recevrez par courriel.
        </p>
      }
    }
    <p class="fr-mt-4w">
      <a class="fr-link" routerLink="/faq">Consulter les questions fréquentes</a>
    </p>
  `,
})
export class StatusPage {
  protected readonly store = inject(WizardStore);
  protected readonly contact = T3P_CONTACT_CENTRE;
  protected readonly state = computed(() => this.store.request()?.state ?? null);
  protected readonly cardType = computed(() => this.store.detail()?.application.cardType ?? '');
  protected readonly prefecture = computed(
    () => this.store.detail()?.application.prefecture.name ?? '',
  );
  protected readonly date = dateFr;
}
