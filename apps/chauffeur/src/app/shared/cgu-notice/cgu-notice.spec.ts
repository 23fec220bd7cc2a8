import { TestBed } from '@angular/core/testing';
import { CguNotice } from './cgu-notice';

describe('CguNotice', () => {
  it('carries the facts of the personal-data notice', async () => {
    const fixture = TestBed.createComponent(CguNotice);
    await fixture.whenStable();
    const text = (fixture.nativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ') ?? '';
    for (const fact of [
      'IN Groupe',
      'un an après la fin de validité',
      'accès',
      'rectification',
      'effacement',
      'limitation',
      '104 avenue du Président Kennedy, 75016 Paris',
      'cil-insa@ingroupe.com',
      'CNIL',
    ]) {
      expect(text).toContain(fact);
    }
    expect((fixture.nativeElement as HTMLElement).querySelector('h1')).toBeNull();
  });
});
