import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { T3pFooter } from './footer';

function render(inputs: Record<string, unknown> = {}) {
  TestBed.configureTestingModule({ imports: [T3pFooter], providers: [provideRouter([])] });
  const fixture = TestBed.createComponent(T3pFooter);
  for (const [name, value] of Object.entries(inputs)) {
    fixture.componentRef.setInput(name, value);
  }
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

const emailsOf = (el: HTMLElement) =>
  Array.from(el.querySelectorAll('[data-testid="contact-email"]')).map((a) =>
    a.textContent?.trim(),
  );

describe('T3pFooter', () => {
  it('lists the three contact addresses when the card type is unknown', () => {
    const el = render();
    expect(emailsOf(el)).toEqual([
      'contact.carte-vtc@ingroupe.com',
      'contact.carte-taxi@ingroupe.com',
      'contact.carte-vmdtr@ingroupe.com',
    ]);
  });

  it.each([
    ['VTC', 'contact.carte-vtc@ingroupe.com'],
    ['TAXI', 'contact.carte-taxi@ingroupe.com'],
    ['VMDTR', 'contact.carte-vmdtr@ingroupe.com'],
  ])('shows only the address of a %s driver', (cardType, address) => {
    const el = render({ cardType });
    expect(emailsOf(el)).toEqual([address]);
    expect(el.querySelector('[data-testid="contact-email"]')?.getAttribute('href')).toBe(
      `mailto:${address}`,
    );
    expect(el.querySelector('[data-testid="contact-email-intro"]')?.textContent).toContain(
      `votre carte ${cardType}`,
    );
  });

  it('gives the contact centre phone number as a tel: link', () => {
    const phone = render().querySelector<HTMLAnchorElement>('a[href^="tel:"]');
    expect(phone?.textContent?.trim()).toBe('0 806 00 01 14');
    expect(phone?.getAttribute('href')).toBe('tel:+33806000114');
  });

  it('renders in-app routes and outside URLs in the bottom row', () => {
    const el = render({
      links: [
        { label: 'FAQ', route: '/faq' },
        { label: 'Mentions légales', href: '/mentions-legales' },
      ],
    });
    const links = Array.from(el.querySelectorAll<HTMLAnchorElement>('.fr-footer__bottom-link'));
    expect(links.map((a) => [a.textContent?.trim(), a.getAttribute('href')])).toEqual([
      ['FAQ', '/faq'],
      ['Mentions légales', '/mentions-legales'],
    ]);
  });

  it('is the contentinfo landmark with the skip-link target id', () => {
    const footer = render().querySelector('footer');
    expect(footer?.getAttribute('role')).toBe('contentinfo');
    expect(footer?.id).toBe('footer');
  });
});
