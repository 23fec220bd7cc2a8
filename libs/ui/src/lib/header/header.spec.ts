import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { T3pHeader } from './header';
import { T3pHeaderTools } from './header-tools';

@Component({
  imports: [T3pHeader, T3pHeaderTools],
  template: `
    <t3p-header serviceTitle="Service test" serviceTagline="Une ligne" [navLinks]="links">
      <ng-template t3pHeaderTools
        ><a class="fr-btn tool" href="/sortie">Se déconnecter</a></ng-template
      >
    </t3p-header>
  `,
})
class Host {
  links = [
    { label: 'FAQ', route: '/faq' },
    { label: 'Autre site', href: '/ailleurs' },
  ];
}

async function render() {
  TestBed.configureTestingModule({ imports: [Host], providers: [provideRouter([])] });
  const fixture = TestBed.createComponent(Host);
  fixture.autoDetectChanges();
  await fixture.whenStable();
  document.body.appendChild(fixture.nativeElement);
  return { fixture, el: fixture.nativeElement as HTMLElement };
}

describe('T3pHeader', () => {
  it('shows the Marianne block, the service name linked to home and the tagline', async () => {
    const { el } = await render();
    expect(el.querySelector('.fr-logo')?.textContent).toContain('République');
    const home = el.querySelector<HTMLAnchorElement>('.fr-header__service a');
    expect(home?.getAttribute('href')).toBe('/');
    expect(home?.textContent).toContain('Service test');
    expect(el.querySelector('.fr-header__service-tagline')?.textContent).toContain('Une ligne');
  });

  it('puts the navigation links in order, the first one (FAQ) first', async () => {
    const { el } = await render();
    const links = Array.from(el.querySelectorAll<HTMLAnchorElement>('.fr-nav__link'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/faq', '/ailleurs']);
  });

  it('renders the tools template in the desktop area and in the mobile menu', async () => {
    const { el } = await render();
    expect(el.querySelectorAll('.tool')).toHaveLength(2);
    expect(el.querySelector('.fr-header__tools-links .tool')).not.toBeNull();
    expect(el.querySelector('.fr-header__menu-links .tool')).not.toBeNull();
  });

  it('opens the mobile menu as a dialog and closes it with Escape, focus back on « Menu »', async () => {
    const { fixture, el } = await render();
    const menuButton = el.querySelector<HTMLButtonElement>('.fr-btn--menu');
    const menu = el.querySelector<HTMLElement>('.fr-header__menu');
    expect(menu?.classList).not.toContain('fr-modal--opened');

    menuButton?.click();
    await fixture.whenStable();
    expect(menu?.classList).toContain('fr-modal--opened');
    expect(menu?.getAttribute('role')).toBe('dialog');
    expect(menuButton?.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(el.querySelector('.fr-btn--close'));

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await fixture.whenStable();
    expect(menu?.classList).not.toContain('fr-modal--opened');
    expect(document.activeElement).toBe(menuButton);
  });
});
