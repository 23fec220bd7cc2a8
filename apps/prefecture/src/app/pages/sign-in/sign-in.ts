import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import type { ApiErrorBody } from '@t3p/contracts';
import type { SignInLinkSent } from '@t3p/api-client';
import { apiErrorOf } from '@t3p/ui';
import { AgentAuthApi } from '../../api/auth-api';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Agents type their work address; a sign-in link is sent if it belongs to an agent. */
@Component({
  selector: 'app-agent-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fr-container fr-my-4w fr-my-md-6w">
      <div class="fr-grid-row">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Connexion à l’espace préfecture</h1>
          <p>
            Saisissez votre adresse électronique professionnelle : vous recevrez un lien de
            connexion, valable 30 minutes et utilisable une seule fois.
          </p>
          <div #message tabindex="-1">
            @if (sent(); as answer) {
              <div class="fr-alert fr-alert--success fr-mb-4w" role="status">
                <h2 class="fr-alert__title">Demande prise en compte</h2>
                <p>
                  {{ answer.message }} Le lien reste valable {{ answer.validityMinutes }} minutes.
                </p>
              </div>
            }
            @if (error(); as problem) {
              <div class="fr-alert fr-alert--error fr-mb-4w" role="alert">
                <p>{{ problem.message }}</p>
              </div>
            }
          </div>
          <form novalidate (submit)="$event.preventDefault(); send(email.value)">
            <div class="fr-input-group" [class.fr-input-group--error]="fieldError()">
              <label class="fr-label" for="email">
                Adresse électronique professionnelle
                <span class="fr-hint-text">Format attendu : prenom.nom&#64;interieur.gouv.fr</span>
              </label>
              <input
                #email
                class="fr-input"
                [class.fr-input--error]="fieldError()"
                id="email"
                name="email"
                type="email"
                autocomplete="email"
                required
                [attr.aria-invalid]="fieldError() ? 'true' : null"
                [attr.aria-describedby]="fieldError() ? 'email-error' : null"
              />
              @if (fieldError(); as message) {
                <p id="email-error" class="fr-error-text">{{ message }}</p>
              }
            </div>
            <button
              type="submit"
              class="fr-btn fr-icon-mail-line fr-btn--icon-left"
              [disabled]="sending()"
            >
              Envoyer
            </button>
          </form>
        </div>
      </div>
    </div>
  `,
})
export class AgentSignInPage {
  private readonly api = inject(AgentAuthApi);
  private readonly injector = inject(Injector);
  private readonly messageBox = viewChild.required<ElementRef<HTMLElement>>('message');
  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('email');

  protected readonly sending = signal(false);
  protected readonly sent = signal<SignInLinkSent | null>(null);
  protected readonly error = signal<ApiErrorBody | null>(null);
  protected readonly fieldError = signal<string | null>(null);

  async send(value: string): Promise<void> {
    const email = value.trim();
    this.sent.set(null);
    this.error.set(null);
    if (!EMAIL.test(email)) {
      this.fieldError.set(
        email
          ? 'Saisissez une adresse électronique valide, par exemple prenom.nom@interieur.gouv.fr.'
          : 'Saisissez votre adresse électronique professionnelle.',
      );
      this.emailInput().nativeElement.focus();
      return;
    }
    this.fieldError.set(null);
    this.sending.set(true);
    try {
      this.sent.set(await this.api.sendSignInLink(email));
    } catch (error) {
      const problem = apiErrorOf(error);
      const field = problem.errors?.find((entry) => entry.field === 'email');
      if (field) {
        this.fieldError.set(field.message);
        this.emailInput().nativeElement.focus();
        return;
      }
      this.error.set(problem);
    } finally {
      this.sending.set(false);
    }
    afterNextRender(() => this.messageBox().nativeElement.focus(), { injector: this.injector });
  }
}
