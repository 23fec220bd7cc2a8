import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';

let nextId = 0;

/** DSFR accordion (`fr-accordion`), opened and closed by Angular instead of the DSFR script. */
@Component({
  selector: 't3p-accordion',
  imports: [NgTemplateOutlet],
  template: `
    <section class="fr-accordion">
      @switch (level()) {
        @case (2) {
          <h2 class="fr-accordion__title"><ng-container [ngTemplateOutlet]="button" /></h2>
        }
        @case (4) {
          <h4 class="fr-accordion__title"><ng-container [ngTemplateOutlet]="button" /></h4>
        }
        @default {
          <h3 class="fr-accordion__title"><ng-container [ngTemplateOutlet]="button" /></h3>
        }
      }
      <ng-template #button>
        <button
          type="button"
          class="fr-accordion__btn"
          [attr.aria-expanded]="expanded()"
          [attr.aria-controls]="panelId"
          (click)="expanded.set(!expanded())"
        >
          {{ heading() }}
        </button>
      </ng-template>
      <div class="fr-collapse" [class.fr-collapse--expanded]="expanded()" [id]="panelId">
        <ng-content />
      </div>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class T3pAccordion {
  /** Text of the button (the question, for a FAQ). */
  readonly heading = input.required<string>();
  /** Level of the heading that holds the button. */
  readonly level = input<2 | 3 | 4>(3);
  /** Open or closed; two-way bindable. */
  readonly expanded = model(false);

  protected readonly panelId = `t3p-accordion-${nextId++}`;
}
