import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/** No session (it ended, or there never was one here) and this browser does not know the request's link: say how to come back. */
@Component({
  selector: 'app-session-expired-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fr-container fr-my-4w fr-my-md-6w">
      <div class="fr-grid-row">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-7">
          @if (session() === 'absente') {
            <h1>Vous n’êtes pas connecté</h1>
            <p class="fr-text--lead">
              Aucune connexion n’est ouverte dans ce navigateur : le lien de connexion utilisé n’est
              pas valide, a déjà servi ou a expiré.
            </p>
          } @else {
            <h1>Votre session a pris fin</h1>
            <p class="fr-text--lead">
              Par sécurité, la connexion s’arrête après 30 minutes sans activité.
            </p>
          }
          <p>
            Pour vous connecter, ouvrez le courriel de demande d’images de la préfecture, suivez son
            lien puis appuyez sur « Envoyer » : vous recevrez un nouveau lien de connexion. Les
            fichiers déjà acceptés sont conservés.
          </p>
          <p><a class="fr-link" routerLink="/faq">Je ne retrouve pas le courriel</a></p>
        </div>
      </div>
    </div>
  `,
})
export class SessionExpiredPage {
  /** "absente" when nobody signed in from this browser. */
  readonly session = input<string>();
}
