import { DOCUMENT } from '@angular/common';
import {
  EnvironmentProviders,
  Injector,
  afterNextRender,
  inject,
  provideEnvironmentInitializer,
} from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';

/**
 * After each in-app navigation (not the first page load), moves the focus to the new page's
 * `h1` inside the element `containerId` (or to the element named by the URL fragment), so that
 * keyboard and screen-reader users start reading the new page instead of staying on the link
 * they followed.
 */
export function provideT3pRouteFocus(containerId = 'content'): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    const router = inject(Router);
    const document = inject(DOCUMENT);
    const injector = inject(Injector);
    let firstNavigation = true;
    router.events.subscribe((event) => {
      if (!(event instanceof NavigationEnd)) {
        return;
      }
      if (firstNavigation) {
        firstNavigation = false;
        return;
      }
      const fragment = router.parseUrl(event.urlAfterRedirects).fragment;
      afterNextRender(
        () => {
          const container = document.getElementById(containerId);
          const target =
            (fragment ? document.getElementById(fragment) : null) ??
            container?.querySelector<HTMLElement>('h1') ??
            container;
          if (!target) {
            return;
          }
          if (!target.hasAttribute('tabindex')) {
            target.setAttribute('tabindex', '-1');
          }
          target.focus({ preventScroll: true });
        },
        { injector },
      );
    });
  });
}
