import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ApiErrorBody } from '@t3p/contracts';
import type { SignInLinkSent } from '@t3p/api-client';
import { apiErrorOf } from '@t3p/ui';
import { DriverApi } from '../../api/auth-api';
import { DriverSession } from '../../session/driver-session';

/** Shown by the link of the request email: one button sends the sign-in email. */
@Component({
  selector: 'app-sign-in-request-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fr-container fr-my-4w fr-my-md-6w">
      <div class="fr-grid-row">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-7">
          <h1>Connexion au portail des images</h1>
          @if (session() === 'absente') {
            <div class="fr-alert fr-alert--info fr-mb-3w">
              <h2 class="fr-alert__title">Vous n’êtes pas connecté</h2>
              <p>
                Le lien de connexion que vous avez ouvert n’est pas valide, a déjà servi ou a expiré
                : chaque lien ne sert qu’une fois, pendant 30 minutes. Recevez-en un nouveau avec le
                bouton ci-dessous.
              </p>
            </div>
          }
          @if (session() === 'expiree') {
            <div class="fr-alert fr-alert--info fr-mb-3w">
              <h2 class="fr-alert__title">Votre session a pris fin</h2>
              <p>
                Par sécurité, la connexion s’arrête après 30 minutes sans activité. Recevez un
                nouveau lien : une fois reconnecté, vous reprendrez à l’étape où vous étiez, avec
                les fichiers déjà acceptés.
              </p>
            </div>
          }
          <p class="fr-text--lead">
            Pour protéger votre dossier, l’accès se fait par un lien personnel envoyé à l’adresse
            électronique que la préfecture a enregistrée pour votre demande.
          </p>
          @if (!closed()) {
            <p>
              Appuyez sur « Envoyer » : vous recevrez un courriel contenant un lien de connexion,
              valable 30 minutes et utilisable une seule fois. Vous pouvez l’ouvrir sur cet appareil
              ou sur un autre.
            </p>
          }

          <div #message tabindex="-1" class="fr-mb-4w">
            @if (closed(); as answer) {
              <div class="fr-alert fr-alert--info" role="status" data-testid="request-closed">
                <h2 class="fr-alert__title">
                  {{
                    answer.closed === 'VALIDATED'
                      ? 'Votre demande de carte est validée'
                      : 'Votre demande de carte est annulée'
                  }}
                </h2>
                <p>{{ answer.message }}</p>
              </div>
            } @else if (sent(); as answer) {
              <div class="fr-alert fr-alert--success" role="status">
                <h2 class="fr-alert__title">Courriel envoyé</h2>
                <p>{{ answer.message }}</p>
                <p>
                  Le lien reste valable {{ answer.validityMinutes }} minutes. Rien reçu après
                  quelques minutes ? Regardez dans les courriers indésirables (spam), puis demandez
                  un nouveau lien : seul le dernier envoyé fonctionne.
                </p>
              </div>
            }
            @if (error(); as problem) {
              <div class="fr-alert fr-alert--error" role="alert">
                <h2 class="fr-alert__title">
                  {{ problem.statusCode === 429 ? 'Merci de patienter' : 'L’envoi n’a pas abouti' }}
                </h2>
                <p>{{ problem.message }}</p>
              </div>
            }
          </div>

          @if (!closed()) {
            <button
              type="button"
              class="fr-btn fr-icon-mail-line fr-btn--icon-left"
              [disabled]="sending()"
              (click)="send()"
            >
              {{ sent() ? 'Envoyer un nouveau lien' : 'Envoyer' }}
            </button>
          }
          <p class="fr-mt-4w">
            <a class="fr-link" routerLink="/faq">Une difficulté ? Voir les questions fréquentes</a>
          </p>
        </div>
      </div>
    </div>
  `,
})
export class SignInRequestPage implements OnInit {
  /** The opaque reference carried by the request email's link. */
  readonly reference = input.required<string>();
  /** "expiree" when the session ended; "absente" when nobody signed in from this browser. */
  readonly session = input<string>();
  private readonly driverSession = inject(DriverSession);
  private readonly api = inject(DriverApi);
  private readonly injector = inject(Injector);
  private readonly messageBox = viewChild.required<ElementRef<HTMLElement>>('message');

  protected readonly sending = signal(false);
  protected readonly sent = signal<SignInLinkSent | null>(null);
  /** The answer when the application is validated or cancelled: no link was sent, it says what to do. */
  protected readonly closed = computed(() => (this.sent()?.closed ? this.sent() : null));
  protected readonly error = signal<ApiErrorBody | null>(null);

  ngOnInit(): void {
    this.driverSession.rememberReference(this.reference());
  }

  async send(): Promise<void> {
    this.sending.set(true);
    this.error.set(null);
    try {
      this.sent.set(await this.api.sendSignInLink(this.reference()));
    } catch (error) {
      this.sent.set(null);
      this.error.set(apiErrorOf(error));
    } finally {
      this.sending.set(false);
      afterNextRender(() => this.messageBox().nativeElement.focus(), { injector: this.injector });
    }
  }
}
