import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ApiErrorBody, Me } from '@t3p/contracts';
import { AgentAuthApi, apiErrorOf } from '../../api/auth-api';

/** The agent's landing page after sign-in: who is signed in, for which préfecture, and sign-out. */
@Component({
  selector: 'app-agent-home-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fr-container fr-my-4w fr-my-md-6w">
      <h1>Votre espace</h1>
      @if (me(); as agent) {
        <p class="fr-text--lead">
          Bonjour {{ agent.firstName }} {{ agent.lastName }}. Vous êtes connecté pour la
          {{ agent.prefecture?.name }} ({{ agent.prefecture?.departement }}) : vous ne voyez que les dossiers de cette préfecture.
        </p>
        <button type="button" class="fr-btn fr-btn--secondary" (click)="signOut()">Se déconnecter</button>
      } @else if (error(); as failure) {
        <div class="fr-alert fr-alert--error" role="alert">
          <p>{{ failure.statusCode === 401 ? 'Vous n’êtes pas connecté, ou votre session a pris fin.' : failure.message }}</p>
        </div>
        <a class="fr-btn fr-mt-4w" routerLink="/connexion">Se connecter</a>
      } @else {
        <p role="status">Chargement…</p>
      }
    </div>
  `,
})
export class AgentHomePage implements OnInit {
  private readonly api = inject(AgentAuthApi);
  private readonly router = inject(Router);
  protected readonly me = signal<Me | null>(null);
  protected readonly error = signal<ApiErrorBody | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      const me = await this.api.me();
      if (me.role !== 'AGENT') throw new Error('Not an agent');
      this.me.set(me);
    } catch (error) {
      this.error.set(apiErrorOf(error));
    }
  }

  async signOut(): Promise<void> {
    try {
      await this.api.signOut();
    } finally {
      await this.router.navigateByUrl('/connexion');
    }
  }
}
