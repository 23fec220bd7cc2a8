import 'reflect-metadata';
import { REQUEST_REASONS } from '@t3p/contracts';
import { REASON_LABELS, REASON_TEXTS } from './labels';
import { REJECTION_REASONS, reasonTextOf } from './pages/review/review';

describe('reason catalogue of the back-office', () => {
  it('gives the driver the API’s sentences, for every reason', () => {
    expect(REASON_TEXTS).toEqual(REQUEST_REASONS);
    expect(Object.keys(REASON_LABELS).sort()).toEqual(Object.keys(REQUEST_REASONS).sort());
  });

  it('offers a refused piece the reasons that fit it, each filling an editable text', () => {
    expect(REJECTION_REASONS.SIGNATURE).toEqual([
      'SIGNATURE_ILLEGIBLE',
      'SIGNATURE_CROPPED',
      'FORMAT_INVALID',
      'OTHER',
    ]);
    expect(
      REJECTION_REASONS.PHOTO.every(
        (code) => code.startsWith('PHOTO_') || code === 'FORMAT_INVALID' || code === 'OTHER',
      ),
    ).toBe(true);
    expect(reasonTextOf('PHOTO_BLURRY')).toBe('La photo d’identité est floue.');
    expect(reasonTextOf('OTHER')).toBe('');
  });
});
