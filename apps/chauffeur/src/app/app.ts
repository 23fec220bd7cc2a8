import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { T3pFooter, T3pHeader, T3pSkipLinks } from '@t3p/ui';
import { DriverSession } from './session/driver-session';
import { FOOTER_LINKS, NAV_LINKS, SERVICE_TITLE } from './site';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, T3pHeader, T3pFooter, T3pSkipLinks],
  templateUrl: './app.html',
  // Keeps the footer below the fold while a page loads its data: no layout shift when it arrives.
  styles: `
    main {
      display: block;
      min-height: 100vh;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly serviceTitle = SERVICE_TITLE;
  protected readonly navLinks = NAV_LINKS;
  protected readonly footerLinks = FOOTER_LINKS;
  /** Card type of the signed-in driver (the footer then shows only its contact address). */
  protected readonly cardType = inject(DriverSession).cardType;
}
