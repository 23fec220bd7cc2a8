import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideT3pTitleStrategy } from '@t3p/ui';
import { appRoutes } from './app.routes';
import { SITE_NAME } from './site';

describe('chauffeur routes', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter(appRoutes), provideT3pTitleStrategy(SITE_NAME)],
    });
    harness = await RouterTestingHarness.create();
  });

  it.each([
    ['/', 'Accueil', 'Envoyer sa photo d’identité et sa signature'],
    ['/faq', 'Questions fréquentes', 'Questions fréquentes'],
    ['/guide', 'Guide utilisateur', 'Guide utilisateur'],
    ['/mentions-legales', 'Mentions légales', 'Mentions légales'],
    ['/cgu', 'Conditions générales d’utilisation et données personnelles', 'Conditions générales'],
    ['/accessibilite', 'Déclaration d’accessibilité', 'Déclaration d’accessibilité'],
    ['/nimporte-quoi', 'Page introuvable', 'Page introuvable'],
  ])('%s has the title « %s » and one h1', async (url, pageTitle, h1) => {
    await harness.navigateByUrl(url);
    expect(TestBed.inject(Title).getTitle()).toBe(`${pageTitle} - ${SITE_NAME}`);
    const headings = (harness.routeNativeElement as HTMLElement).querySelectorAll('h1');
    expect(headings).toHaveLength(1);
    expect(headings[0].textContent).toContain(h1);
  });

  it('keeps the heading levels in order on every page (no jump from h1 to h3)', async () => {
    for (const url of [
      '/',
      '/faq',
      '/guide',
      '/mentions-legales',
      '/cgu',
      '/accessibilite',
      '/x',
    ]) {
      await harness.navigateByUrl(url);
      const levels = Array.from(
        (harness.routeNativeElement as HTMLElement).querySelectorAll('h1, h2, h3, h4, h5, h6'),
      ).map((h) => Number(h.tagName[1]));
      levels.forEach((level, i) => {
        if (i > 0) {
          expect(level - levels[i - 1]).toBeLessThanOrEqual(1);
        }
      });
    }
  });

  it('shows the image criteria of the seed guide on the home page', async () => {
    await harness.navigateByUrl('/');
    const text = ((harness.routeNativeElement as HTMLElement).textContent ?? '').replace(
      /\u00a0/g,
      ' ',
    );
    for (const fact of [
      'JPEG',
      'PDF',
      '300 à 400 DPI',
      '80 Ko',
      '50 Ko',
      '35 × 45 mm',
      '25 × 12 mm',
      '10 %',
    ]) {
      expect(text).toContain(fact);
    }
  });
});
