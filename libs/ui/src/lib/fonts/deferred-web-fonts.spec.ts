import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, RouterOutlet, provideRouter } from '@angular/router';
import { WEB_FONTS_CLASS, provideT3pDeferredWebFonts } from './deferred-web-fonts';

@Component({ template: '<h1>Page</h1>' })
class Page {}
@Component({ imports: [RouterOutlet], template: '<router-outlet />' })
class Shell {}

const nextFrameAndTask = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => setTimeout(() => setTimeout(resolve))),
  );

describe('provideT3pDeferredWebFonts', () => {
  afterEach(() => document.documentElement.classList.remove(WEB_FONTS_CLASS));

  it('lets the web fonts in only after the first page has been rendered', async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '', component: Page }]), provideT3pDeferredWebFonts()],
    });
    const fixture = TestBed.createComponent(Shell);
    fixture.autoDetectChanges();
    expect(document.documentElement.classList).not.toContain(WEB_FONTS_CLASS);

    await TestBed.inject(Router).navigateByUrl('/');
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('Page');
    await nextFrameAndTask();
    expect(document.documentElement.classList).toContain(WEB_FONTS_CLASS);
  });

  it('lets them in as well when the first navigation fails', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', canActivate: [() => Promise.reject(new Error('API down'))], component: Page },
        ]),
        provideT3pDeferredWebFonts(),
      ],
    });
    const fixture = TestBed.createComponent(Shell);
    fixture.autoDetectChanges();
    await expect(TestBed.inject(Router).navigateByUrl('/')).rejects.toThrow('API down');
    await fixture.whenStable();
    await nextFrameAndTask();
    expect(document.documentElement.classList).toContain(WEB_FONTS_CLASS);
  });
});
