import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { App } from './app';

describe('App shell (préfecture)', () => {
  async function render() {
    TestBed.configureTestingModule({ imports: [App], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('is titled for préfecture agents and has the landmarks', async () => {
    const el = await render();
    expect(el.querySelector('.fr-header__service-title')?.textContent).toContain(
      'Espace préfecture',
    );
    expect(el.querySelector('main#content')).not.toBeNull();
    expect(el.querySelector('footer#footer')).not.toBeNull();
  });

  it('sends the legal links to the driver portal pages at the root of the origin', async () => {
    const el = await render();
    const hrefs = Array.from(el.querySelectorAll('.fr-footer__bottom-link')).map((a) =>
      a.getAttribute('href'),
    );
    expect(hrefs).toEqual(['/mentions-legales', '/cgu', '/accessibilite', '/guide', '/faq']);
  });
});
