import { TestBed } from '@angular/core/testing';
import { T3pSkipLinks } from './skip-links';

describe('T3pSkipLinks', () => {
  it('offers « Aller au contenu » and « Aller au pied de page » and focuses the target', async () => {
    const main = document.createElement('main');
    main.id = 'content';
    document.body.appendChild(main);

    const fixture = TestBed.createComponent(T3pSkipLinks);
    await fixture.whenStable();
    const links = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('a'));
    expect(links.map((a) => a.textContent?.trim())).toEqual([
      'Aller au contenu',
      'Aller au pied de page',
    ]);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#content', '#footer']);

    links[0].click();
    expect(document.activeElement).toBe(main);
    expect(main.getAttribute('tabindex')).toBe('-1');
    main.remove();
  });
});
