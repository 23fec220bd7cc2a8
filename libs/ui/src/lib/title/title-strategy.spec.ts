import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { formatPageTitle, provideT3pTitleStrategy } from './title-strategy';

@Component({ template: '<h1>Page</h1>' })
class Page {}

describe('T3pTitleStrategy', () => {
  it('formats « page - site » and the site alone without a page title', () => {
    expect(formatPageTitle('FAQ', 'Site')).toBe('FAQ - Site');
    expect(formatPageTitle(undefined, 'Site')).toBe('Site');
  });

  it('sets the document title from the route title', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', component: Page },
          { path: 'faq', title: 'Questions fréquentes', component: Page },
        ]),
        provideT3pTitleStrategy('Mon service'),
      ],
    });
    const harness = await RouterTestingHarness.create();
    const title = TestBed.inject(Title);
    await harness.navigateByUrl('/faq');
    expect(title.getTitle()).toBe('Questions fréquentes - Mon service');
    await harness.navigateByUrl('/');
    expect(title.getTitle()).toBe('Mon service');
  });
});
