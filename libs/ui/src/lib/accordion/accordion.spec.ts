import { TestBed } from '@angular/core/testing';
import { T3pAccordion } from './accordion';

describe('T3pAccordion', () => {
  it('toggles its panel and aria-expanded, with the heading level asked for', async () => {
    const fixture = TestBed.createComponent(T3pAccordion);
    fixture.componentRef.setInput('heading', 'Une question ?');
    fixture.componentRef.setInput('level', 2);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const button = el.querySelector<HTMLButtonElement>('h2 > .fr-accordion__btn');
    const panel = el.querySelector('.fr-collapse');
    expect(button?.textContent?.trim()).toBe('Une question ?');
    expect(button?.getAttribute('aria-controls')).toBe(panel?.id);
    expect(button?.getAttribute('aria-expanded')).toBe('false');

    button?.click();
    await fixture.whenStable();
    expect(button?.getAttribute('aria-expanded')).toBe('true');
    expect(panel?.classList).toContain('fr-collapse--expanded');
  });
});
