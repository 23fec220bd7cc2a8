import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

export interface T3pSkipLink {
  readonly label: string;
  /** Id of the element to reach. */
  readonly target: string;
}

/**
 * DSFR skip links, visible on keyboard focus. Clicking one moves the focus to the target
 * itself: a plain `#id` link would resolve against `<base href>` and reload the home page.
 */
@Component({
  selector: 't3p-skip-links',
  template: `
    <div class="fr-skiplinks">
      <nav class="fr-container" role="navigation" aria-label="Accès rapide">
        <ul class="fr-skiplinks__list">
          @for (link of links(); track link.target) {
            <li>
              <a class="fr-link" [href]="'#' + link.target" (click)="skipTo($event, link.target)">{{
                link.label
              }}</a>
            </li>
          }
        </ul>
      </nav>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class T3pSkipLinks {
  readonly links = input<readonly T3pSkipLink[]>([
    { label: 'Aller au contenu', target: 'content' },
    { label: 'Aller au pied de page', target: 'footer' },
  ]);

  private readonly document = inject(DOCUMENT);

  protected skipTo(event: Event, target: string): void {
    const element = this.document.getElementById(target);
    if (!element) {
      return;
    }
    event.preventDefault();
    if (!element.hasAttribute('tabindex')) {
      element.setAttribute('tabindex', '-1');
    }
    element.focus();
    element.scrollIntoView?.();
  }
}
