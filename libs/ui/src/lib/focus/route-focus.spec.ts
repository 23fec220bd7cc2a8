import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, RouterOutlet, provideRouter } from '@angular/router';
import { provideT3pRouteFocus } from './route-focus';

@Component({ template: '<h1>Page A</h1>' })
class PageA {}
@Component({ template: '<h1>Page B</h1><h2 id="part">Part</h2>' })
class PageB {}
@Component({ imports: [RouterOutlet], template: '<main id="content"><router-outlet /></main>' })
class Shell {}

describe('provideT3pRouteFocus', () => {
  it('leaves the first page alone, then focuses the h1 or the fragment target', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', component: PageA },
          { path: 'b', component: PageB },
        ]),
        provideT3pRouteFocus('content'),
      ],
    });
    const fixture = TestBed.createComponent(Shell);
    document.body.appendChild(fixture.nativeElement);
    fixture.autoDetectChanges();
    const router = TestBed.inject(Router);

    await router.navigateByUrl('/');
    await fixture.whenStable();
    expect(document.activeElement).toBe(document.body);

    await router.navigateByUrl('/b');
    await fixture.whenStable();
    expect((document.activeElement as HTMLElement).textContent).toBe('Page B');

    await router.navigateByUrl('/b#part');
    await fixture.whenStable();
    expect(document.activeElement?.id).toBe('part');
    fixture.nativeElement.remove();
  });
});
