import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';
import { DriverRequestApi } from '../../../api/request-api';
import { CguNotice } from '../../../shared/cgu-notice/cgu-notice';
import { dateFr } from '../format';
import { WizardStepper } from '../wizard-stepper';
import { WizardStore } from '../wizard-store';
import { uploadSteps } from '../wizard-steps';

/** Step 2: the terms of use and the personal-data notice; the box must be ticked to go on. */
@Component({
  selector: 'app-engagement-step',
  imports: [WizardStepper, CguNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-wizard-stepper step="engagement" />
    <p class="fr-text--lead">
      Avant d’envoyer vos images, lisez les conditions d’utilisation du portail et la façon dont vos
      données sont traitées, puis cochez la case en bas de page.
    </p>
    <app-cgu-notice />

    <form class="fr-mt-4w" (submit)="$event.preventDefault(); next()" novalidate>
      <h2 class="fr-h4">Votre engagement</h2>
      <div class="fr-checkbox-group" [class.fr-checkbox-group--error]="missing()">
        <input
          #box
          type="checkbox"
          id="accept-terms"
          name="accept-terms"
          [checked]="accepted()"
          [disabled]="alreadyAccepted()"
          (change)="toggle($event)"
          [attr.aria-describedby]="missing() ? 'accept-terms-error' : null"
        />
        <label class="fr-label" for="accept-terms">
          J’ai lu et j’accepte les conditions générales d’utilisation et la notice sur mes données
          personnelles
        </label>
        <div class="fr-messages-group" id="accept-terms-messages" aria-live="polite">
          @if (missing()) {
            <p class="fr-message fr-message--error" id="accept-terms-error">
              Cochez cette case pour continuer : sans votre accord, vos images ne peuvent pas être
              reçues.
            </p>
          }
        </div>
      </div>
      @if (failure(); as problem) {
        <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
          <p>{{ problem }}</p>
        </div>
      }
      @if (alreadyAccepted()) {
        <p class="fr-text--sm">Vous avez accepté ces conditions le {{ acceptedOn() }}.</p>
      }
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--right fr-mt-4w">
        <li>
          <button type="button" class="fr-btn fr-btn--secondary" (click)="previous()">
            Précédent
          </button>
        </li>
        <li>
          <button type="submit" class="fr-btn" [disabled]="busy()">Suivant</button>
        </li>
      </ul>
    </form>
  `,
})
export class EngagementStep {
  private readonly store = inject(WizardStore);
  private readonly api = inject(DriverRequestApi);
  private readonly router = inject(Router);
  private readonly box = viewChild.required<ElementRef<HTMLInputElement>>('box');

  protected readonly alreadyAccepted = computed(() => this.store.request()?.termsAccepted ?? false);
  protected readonly ticked = signal(false);
  protected readonly accepted = computed(() => this.alreadyAccepted() || this.ticked());
  protected readonly missing = signal(false);
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly acceptedOn = computed(() => {
    return dateFr(this.store.request()?.termsAcceptedAt);
  });

  protected toggle(event: Event): void {
    this.ticked.set((event.target as HTMLInputElement).checked);
    if (this.ticked()) this.missing.set(false);
  }

  protected previous(): void {
    void this.router.navigate(['/demande', 'detail']);
  }

  protected async next(): Promise<void> {
    if (!this.accepted()) {
      this.missing.set(true);
      this.box().nativeElement.focus();
      return;
    }
    const request = this.store.request();
    if (!request) return;
    this.busy.set(true);
    this.failure.set(null);
    try {
      if (!request.termsAccepted) {
        await this.api.acceptTerms(request.currentTermsVersion);
        await this.store.refreshRequest();
      }
      const first = uploadSteps(request.pieces)[0];
      await this.router.navigate(['/demande', first ?? 'detail']);
    } catch (error) {
      this.failure.set(this.store.actionError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
