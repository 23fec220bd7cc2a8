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
import { Router, RouterLink } from '@angular/router';
import type { ApiErrorBody } from '@t3p/contracts';
import { apiErrorOf } from '@t3p/ui';
import { AgentAuthApi } from '../../api/auth-api';

const PROBLEM_TITLES: Record<string, string> = {
  LINK_EXPIRED: 'Ce lien de connexion a expiré',
  LINK_USED: 'Ce lien de connexion a déjà servi',
  LINK_SUPERSEDED: 'Ce lien a été remplacé par un plus récent',
  LINK_INVALID: 'Ce lien de connexion n’est pas valide',
};

/** Opened from the email; only the button signs in (opening the page changes nothing). */
@Component({
  selector: 'app-agent-sign-in-link-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fr-container fr-my-4w fr-my-md-6w">
      <div class="fr-grid-row">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          @if (!problem()) {
            <h1>Se connecter à l’espace préfecture</h1>
            <p class="fr-text--lead">
              Vous avez ouvert le lien reçu par courriel. Confirmez pour ouvrir votre session.
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
              <a class="fr-btn fr-icon-mail-line fr-btn--icon-left fr-mt-4w" routerLink="/connexion"
                >Recevoir un nouveau lien</a
              >
            }
          </div>
        </div>
      </div>
    </div>
  `,
})
export class AgentSignInLinkPage {
  readonly token = input.required<string>();
  private readonly api = inject(AgentAuthApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly messageBox = viewChild.required<ElementRef<HTMLElement>>('message');

  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiErrorBody | null>(null);
  protected readonly problemTitle = computed(
    () => PROBLEM_TITLES[this.problem()?.code ?? ''] ?? 'La connexion n’a pas abouti',
  );

  async signIn(): Promise<void> {
    this.busy.set(true);
    try {
      await this.api.signIn(this.token());
      await this.router.navigateByUrl('/tableau-de-bord', { replaceUrl: true });
    } catch (error) {
      this.problem.set(apiErrorOf(error));
      afterNextRender(() => this.messageBox().nativeElement.focus(), { injector: this.injector });
    } finally {
      this.busy.set(false);
    }
  }
}
