import { DOCUMENT } from '@angular/common';
import {
  EnvironmentProviders,
  Injector,
  afterNextRender,
  inject,
  provideEnvironmentInitializer,
} from '@angular/core';
import { NavigationEnd, NavigationError, Router } from '@angular/router';
import { filter, take } from 'rxjs';

/** Class set on `<html>` once the web fonts may be used (see web-fonts.css). */
export const WEB_FONTS_CLASS = 't3p-web-fonts';

/**
 * Lets the page use DSFR's Marianne faces only once the first page (after its data) has been
 * painted. The three weights weigh about 128 kB: on a slow phone network, fetched during
 * start-up they would share the bandwidth with the scripts and the page's API reads and delay
 * the first screen. Until then the text is set in a fallback resized to Marianne's metrics
 * (web-fonts.css, to be bundled after DSFR's core), so the swap barely moves the layout.
 */
export function provideT3pDeferredWebFonts(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    const router = inject(Router);
    const document = inject(DOCUMENT);
    const injector = inject(Injector);
    router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd || event instanceof NavigationError),
        take(1),
      )
      .subscribe(() =>
        afterNextRender(
          // After the next render, then after the frame that paints it.
          () =>
            document.defaultView?.requestAnimationFrame(() =>
              setTimeout(() => document.documentElement.classList.add(WEB_FONTS_CLASS)),
            ),
          { injector },
        ),
      );
  });
}
