import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';
import type { ApiErrorBody } from '@t3p/contracts';
import type { SignInLinkSent } from '@t3p/api-client';
import { apiErrorOf } from '@t3p/ui';
import { DriverApi } from '../../api/auth-api';
import { DriverSession } from '../../session/driver-session';

const PROBLEM_TITLES: Record<string, string> = {
  LINK_EXPIRED: 'Ce lien de connexion a expiré',
  LINK_USED: 'Ce lien de connexion a déjà servi',
  LINK_SUPERSEDED: 'Ce lien a été remplacé par un plus récent',
  LINK_INVALID: 'Ce lien de connexion n’est pas valide',
};

/**
 * The page the sign-in email opens. Opening it changes nothing (mail scanners open links too):
 * only the "Se connecter" button signs in.
 */
@Component({
  selector: 'app-sign-in-link-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fr-container fr-my-4w fr-my-md-6w">
      <div class="fr-grid-row">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-7">
          @if (!problem()) {
            <h1>Se connecter au portail des images</h1>
            <p class="fr-text--lead">
              Vous avez ouvert le lien reçu par courriel. Confirmez pour accéder à votre demande.
            </p>
            <button type="button" class="fr-btn" [disabled]="busy()" (click)="signIn()">
              Se connecter
            </button>
          } @else {
            <h1>{{ problemTitle() }}</h1>
          }

          <div #message tabindex="-1" class="fr-mt-4w">
            @if (problem(); as failure) {
              <div class="fr-alert fr-alert--error" role="alert">
                <p>{{ failure.message }}</p>
              </div>
              @if (reference()) {
                <p class="fr-mt-4w">
                  Un nouveau lien sera envoyé à l’adresse enregistrée pour votre demande.
                </p>
                <button
                  type="button"
                  class="fr-btn fr-icon-mail-line fr-btn--icon-left"
                  [disabled]="busy()"
                  (click)="resend()"
                >
                  Recevoir un nouveau lien
                </button>
              } @else {
                <p class="fr-mt-4w">
                  Pour recevoir un nouveau lien, ouvrez le courriel de demande d’images de la
                  préfecture et suivez le lien qu’il contient, puis appuyez sur « Envoyer ».
                </p>
              }
            }
            @if (resent(); as answer) {
              <div class="fr-alert fr-alert--success fr-mt-4w" role="status">
                <p>
                  {{ answer.message }} Le lien reste valable {{ answer.validityMinutes }} minutes.
                </p>
              </div>
            }
            @if (resendError(); as failure) {
              <div class="fr-alert fr-alert--error fr-mt-4w" role="alert">
                <p>{{ failure.message }}</p>
              </div>
            }
          </div>
        </div>
      </div>
    </div>
  `,
})
export class SignInLinkPage {
  readonly token = input.required<string>();
  /** The request reference, carried by the link so a new one can be asked from here. */
  readonly ref = input<string>();
  private readonly api = inject(DriverApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly session = inject(DriverSession);
  private readonly messageBox = viewChild.required<ElementRef<HTMLElement>>('message');

  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiErrorBody | null>(null);
  protected readonly resent = signal<SignInLinkSent | null>(null);
  protected readonly resendError = signal<ApiErrorBody | null>(null);
  protected readonly problemTitle = computed(
    () => PROBLEM_TITLES[this.problem()?.code ?? ''] ?? 'La connexion n’a pas abouti',
  );
  /** The request of the link (its `ref`), else the one this browser remembers: a new link can be asked from here. */
  protected readonly reference = computed(() => {
    const value = this.ref();
    return value && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : this.session.reference();
  });

  async signIn(): Promise<void> {
    this.busy.set(true);
    try {
      await this.api.signIn(this.token());
      this.session.rememberSignedIn();
      this.session.rememberReference(this.reference());
      // Back to the step the driver was on when the session ended, else resumed from the server's state.
      await this.router.navigateByUrl(this.session.takeReturn() ?? '/demande', {
        replaceUrl: true,
      });
    } catch (error) {
      this.problem.set(apiErrorOf(error));
      this.focusMessage();
    } finally {
      this.busy.set(false);
    }
  }

  async resend(): Promise<void> {
    const reference = this.reference();
    if (!reference) return;
    this.busy.set(true);
    this.resendError.set(null);
    try {
      this.resent.set(await this.api.sendSignInLink(reference));
    } catch (error) {
      this.resendError.set(apiErrorOf(error));
    } finally {
      this.busy.set(false);
      this.focusMessage();
    }
  }

  private focusMessage(): void {
    afterNextRender(() => this.messageBox().nativeElement.focus(), { injector: this.injector });
  }
}
