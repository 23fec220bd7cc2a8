import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { T3P_CARD_TYPES, T3P_CONTACT_CENTRE, T3pCardType } from '../contact';
import { T3pLink } from '../link';

interface ContactEmail {
  readonly cardType: T3pCardType;
  readonly address: string;
}

/**
 * DSFR footer with the IN Groupe contact centre. When the driver's card type is known,
 * only the address of that card type is shown, so the driver cannot pick the wrong one.
 */
@Component({
  selector: 't3p-footer',
  imports: [RouterLink],
  templateUrl: './footer.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class T3pFooter {
  /** The driver's card type when known (signed-in driver); `null` lists the three addresses. */
  readonly cardType = input<T3pCardType | null>(null);
  /** Links of the bottom row: mentions légales, CGU, accessibilité, guide, FAQ… */
  readonly links = input<readonly T3pLink[]>([]);
  /** One or two sentences about the service. */
  readonly description = input(
    'Portail mis à disposition par IN Groupe pour transmettre la photo d’identité et la signature ' +
      'des cartes professionnelles de conducteur du transport public particulier de personnes (T3P).',
  );
  /** Route of the home page (the Marianne block links to it). */
  readonly homeRoute = input('/');
  /** Id of the `<footer>` element, target of the « Aller au pied de page » skip link. */
  readonly footerId = input('footer');

  protected readonly contact = T3P_CONTACT_CENTRE;
  protected readonly emails = computed<readonly ContactEmail[]>(() => {
    const own = this.cardType();
    const types = own ? [own] : T3P_CARD_TYPES;
    return types.map((cardType) => ({ cardType, address: T3P_CONTACT_CENTRE.emails[cardType] }));
  });
}
