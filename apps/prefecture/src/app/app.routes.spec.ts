import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideT3pTitleStrategy } from '@t3p/ui';
import { AgentSession } from './api/agent-session';
import { appRoutes } from './app.routes';
import { SITE_NAME } from './site';

describe('prefecture routes', () => {
  it.each([
    ['/', 'Accueil', 'Espace préfecture'],
    ['/inconnue', 'Page introuvable', 'Page introuvable'],
  ])('%s has the title « %s » and one h1', async (url, pageTitle, h1) => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes),
        provideT3pTitleStrategy(SITE_NAME),
        { provide: AgentSession, useValue: { current: async () => null } },
      ],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    expect(TestBed.inject(Title).getTitle()).toBe(`${pageTitle} - ${SITE_NAME}`);
    const headings = (harness.routeNativeElement as HTMLElement).querySelectorAll('h1');
    expect(headings).toHaveLength(1);
    expect(headings[0].textContent).toContain(h1);
  });
});
