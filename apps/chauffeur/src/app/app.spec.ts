import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { App } from './app';

describe('App shell', () => {
  async function render() {
    TestBed.configureTestingModule({ imports: [App], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('has skip links, banner, main content and footer landmarks, in that order', async () => {
    const el = await render();
    const order = Array.from(el.querySelectorAll('.fr-skiplinks, header, main, footer')).map((n) =>
      n.tagName.toLowerCase(),
    );
    expect(order).toEqual(['div', 'header', 'main', 'footer']);
    expect(el.querySelector('main')?.id).toBe('content');
    expect(el.querySelector('footer')?.id).toBe('footer');
  });

  it('names the service and puts the FAQ first in the header navigation', async () => {
    const el = await render();
    expect(el.querySelector('.fr-header__service-title')?.textContent).toContain(
      'Téléchargement des images',
    );
    const nav = Array.from(el.querySelectorAll('.fr-nav__link')).map((a) => a.textContent?.trim());
    expect(nav[0]).toBe('FAQ');
  });

  it('links the footer to the legal pages, the guide and the FAQ', async () => {
    const el = await render();
    const hrefs = Array.from(el.querySelectorAll('.fr-footer__bottom-link')).map((a) =>
      a.getAttribute('href'),
    );
    expect(hrefs).toEqual(['/mentions-legales', '/cgu', '/accessibilite', '/guide', '/faq']);
  });
});
