import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { WizardStore } from './wizard-store';

/** Frame of the wizard: the step (routed), or what went wrong when the request cannot be read. */
@Component({
  selector: 'app-wizard-shell',
  imports: [RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fr-container fr-my-4w fr-my-md-6w">
      @if (store.error(); as failure) {
        <h1>Votre demande d’images</h1>
        <div class="fr-alert fr-alert--error" role="alert">
          <h2 class="fr-alert__title">Affichage impossible</h2>
          <p>{{ failure.message }}</p>
        </div>
        <button type="button" class="fr-btn fr-mt-4w" (click)="retry()">Réessayer</button>
      } @else {
        <router-outlet />
      }
    </div>
  `,
})
export class WizardShell {
  protected readonly store = inject(WizardStore);

  protected async retry(): Promise<void> {
    try {
      await this.store.reload();
    } catch {
      // shown by the page
    }
  }
}
