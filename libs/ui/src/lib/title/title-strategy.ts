import { Injectable, InjectionToken, Provider, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';

/** Name of the site, appended to every page title. */
export const T3P_SITE_NAME = new InjectionToken<string>('T3P_SITE_NAME');

/** « Page - Site », or the site name alone for a route without a title. */
export function formatPageTitle(pageTitle: string | undefined, siteName: string): string {
  return pageTitle ? `${pageTitle} - ${siteName}` : siteName;
}

/** Sets `<title>` from the `title` of the deepest route, as RGAA asks (criterion 8.6). */
@Injectable()
export class T3pTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly siteName = inject(T3P_SITE_NAME);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.title.setTitle(formatPageTitle(this.buildTitle(snapshot), this.siteName));
  }
}

export function provideT3pTitleStrategy(siteName: string): Provider[] {
  return [
    { provide: T3P_SITE_NAME, useValue: siteName },
    { provide: TitleStrategy, useClass: T3pTitleStrategy },
  ];
}
