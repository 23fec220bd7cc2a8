import { Directive, TemplateRef, inject } from '@angular/core';

/**
 * Marks the template of the header tools (user name, sign-out…):
 * `<ng-template t3pHeaderTools>…</ng-template>` inside `<t3p-header>`.
 * The header renders it twice, as DSFR wants: in the desktop tools area and in the mobile menu.
 */
@Directive({ selector: 'ng-template[t3pHeaderTools]' })
export class T3pHeaderTools {
  readonly template = inject<TemplateRef<unknown>>(TemplateRef);
}
