import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { T3pFooter, T3pHeader, T3pSkipLinks } from '@t3p/ui';
import { FOOTER_LINKS, NAV_LINKS, SERVICE_TITLE } from './site';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, T3pHeader, T3pFooter, T3pSkipLinks],
  templateUrl: './app.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly serviceTitle = SERVICE_TITLE;
  protected readonly navLinks = NAV_LINKS;
  protected readonly footerLinks = FOOTER_LINKS;
  protected readonly description =
    'Espace réservé aux agents des préfectures : demandes de nouvelles images aux chauffeurs ' +
    'TAXI, VTC et VMDTR, examen des photos et signatures reçues.';
}
