import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { provideT3pRouteFocus, provideT3pTitleStrategy } from '@t3p/ui';
import { appRoutes } from './app.routes';
import { SITE_NAME } from './site';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top', anchorScrolling: 'enabled' }),
    ),
    provideT3pTitleStrategy(SITE_NAME),
    provideT3pRouteFocus('content'),
  ],
};
