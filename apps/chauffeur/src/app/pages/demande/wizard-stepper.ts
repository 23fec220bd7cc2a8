import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { StepId } from './wizard-steps';
import { WizardStore } from './wizard-store';

/** DSFR stepper: the step's name as the page's h1, "Étape n sur N" and the next step. */
@Component({
  selector: 'app-wizard-stepper',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fr-stepper">
      <h1 class="fr-stepper__title">
        {{ current().label }}
        <span class="fr-stepper__state">Étape {{ index() + 1 }} sur {{ steps().length }}</span>
      </h1>
      <div
        class="fr-stepper__steps"
        [attr.data-fr-current-step]="index() + 1"
        [attr.data-fr-steps]="steps().length"
      ></div>
      @if (next(); as following) {
        <p class="fr-stepper__details">
          <span class="fr-text--bold">Étape suivante :</span> {{ following.label }}
        </p>
      }
    </div>
    <ol class="fr-sr-only" aria-label="Étapes de la démarche">
      @for (step of steps(); track step.id; let i = $index) {
        <li [attr.aria-current]="i === index() ? 'step' : null">
          {{ step.label }}{{ i < index() ? ' (terminée)' : i === index() ? ' (en cours)' : '' }}
        </li>
      }
    </ol>
  `,
})
export class WizardStepper {
  readonly step = input.required<StepId>();
  private readonly store = inject(WizardStore);
  protected readonly steps = this.store.steps;
  protected readonly index = computed(() =>
    Math.max(
      0,
      this.steps().findIndex((s) => s.id === this.step()),
    ),
  );
  protected readonly current = computed(() => this.steps()[this.index()]);
  protected readonly next = computed(() => this.steps()[this.index() + 1] ?? null);
}
