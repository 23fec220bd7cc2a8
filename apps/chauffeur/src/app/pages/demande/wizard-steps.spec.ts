import {
  allowedStep,
  furthestStep,
  neighbours,
  readyToSubmit,
  resumeStep,
  stepsFor,
  type WizardFacts,
} from './wizard-steps';

const open = (over: Partial<WizardFacts> = {}): WizardFacts => ({
  state: 'PENDING',
  pieces: ['PHOTO', 'SIGNATURE'],
  termsAccepted: false,
  uploaded: [],
  ...over,
});

describe('wizard steps', () => {
  it('shows only the steps that apply', () => {
    expect(stepsFor(['PHOTO', 'SIGNATURE']).map((s) => s.id)).toEqual([
      'detail',
      'engagement',
      'photo',
      'signature',
      'recapitulatif',
    ]);
    expect(stepsFor(['SIGNATURE']).map((s) => s.id)).toEqual([
      'detail',
      'engagement',
      'signature',
      'recapitulatif',
    ]);
    expect(stepsFor(['PHOTO']).map((s) => s.label)).toEqual([
      'Détail',
      'Engagement',
      'Photo d’identité',
      'Récapitulatif',
    ]);
  });

  it('resumes from the server state: détail, then the first piece without an image', () => {
    expect(resumeStep(open())).toBe('detail');
    expect(resumeStep(open({ termsAccepted: true }))).toBe('photo');
    expect(resumeStep(open({ termsAccepted: true, uploaded: ['PHOTO'] }))).toBe('signature');
    expect(resumeStep(open({ termsAccepted: true, uploaded: ['PHOTO', 'SIGNATURE'] }))).toBe(
      'signature',
    );
    expect(resumeStep(open({ pieces: ['SIGNATURE'], termsAccepted: true }))).toBe('signature');
    expect(
      resumeStep(open({ state: 'REMINDED', termsAccepted: true, uploaded: ['SIGNATURE'] })),
    ).toBe('photo');
  });

  it('sends closed requests to their page', () => {
    expect(resumeStep(open({ state: 'SUBMITTED' }))).toBe('recapitulatif');
    expect(resumeStep(open({ state: 'CANCELLED' }))).toBe('statut');
    expect(resumeStep(open({ state: 'VALIDATED' }))).toBe('statut');
    expect(resumeStep(open({ state: null, pieces: [] }))).toBe('statut');
    expect(allowedStep('photo', open({ state: 'CANCELLED', termsAccepted: true }))).toBe('statut');
    expect(allowedStep('detail', open({ state: 'SUBMITTED' }))).toBe('recapitulatif');
  });

  it('never lets a step be skipped', () => {
    expect(allowedStep('engagement', open())).toBe('engagement');
    expect(allowedStep('photo', open())).toBe('engagement');
    expect(allowedStep('signature', open({ termsAccepted: true }))).toBe('photo');
    expect(allowedStep('signature', open({ termsAccepted: true, uploaded: ['PHOTO'] }))).toBe(
      'signature',
    );
    expect(
      allowedStep('recapitulatif', open({ termsAccepted: true, uploaded: ['PHOTO', 'SIGNATURE'] })),
    ).toBe('signature');
    expect(allowedStep('statut', open())).toBe('detail');
    expect(allowedStep('photo', open({ pieces: ['SIGNATURE'], termsAccepted: true }))).toBe(
      'signature',
    );
  });

  it('lets the driver go back to any earlier step', () => {
    const facts = open({ termsAccepted: true, uploaded: ['PHOTO'] });
    expect(furthestStep(facts)).toBe('signature');
    for (const step of ['detail', 'engagement', 'photo', 'signature'] as const)
      expect(allowedStep(step, facts)).toBe(step);
  });

  it('opens the confirmation only when every requested piece has an image', () => {
    expect(readyToSubmit(open({ termsAccepted: true, uploaded: ['PHOTO'] }))).toBe(false);
    expect(readyToSubmit(open({ termsAccepted: true, uploaded: ['PHOTO', 'SIGNATURE'] }))).toBe(
      true,
    );
    expect(
      readyToSubmit(
        open({ state: 'SUBMITTED', termsAccepted: true, uploaded: ['PHOTO', 'SIGNATURE'] }),
      ),
    ).toBe(false);
  });

  it('knows the previous and next steps', () => {
    expect(neighbours('engagement', ['SIGNATURE'])).toEqual({
      previous: 'detail',
      next: 'signature',
    });
    expect(neighbours('detail', ['PHOTO'])).toEqual({ previous: null, next: 'engagement' });
  });
});
