import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/** The session ended and this browser does not know the request's link: say how to come back. */
@Component({
  selector: 'app-session-expired-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fr-container fr-my-4w fr-my-md-6w">
      <div class="fr-grid-row">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-7">
          <h1>Votre session a pris fin</h1>
          <p class="fr-text--lead">Par sécurité, la connexion s’arrête après 30 minutes sans activité.</p>
          <p>
            Pour reprendre, ouvrez le courriel de demande d’images de la préfecture, suivez son lien puis appuyez sur
            « Envoyer » : le nouveau lien de connexion vous ramène à l’étape où vous étiez. Les fichiers déjà acceptés sont
            conservés.
          </p>
          <p><a class="fr-link" routerLink="/faq">Je ne retrouve pas le courriel</a></p>
        </div>
      </div>
    </div>
  `,
})
export class SessionExpiredPage {}
