import { deferredRow, materialise } from './deferred-emails';
import { renderCancellationEmail, renderReminderEmail } from './lifecycle-emails.template';

const facts = {
  civility: 'M' as const,
  lastName: 'Dupont',
  firstName: 'Olivier',
  cardType: 'VTC' as const,
  prefectureName: 'Préfecture du Nord',
  pieces: ['PHOTO' as const, 'SIGNATURE' as const],
  reason: 'La photo est floue.',
  requestedAt: new Date('2026-11-01T09:00:00Z'),
  portalLink: 'https://images.example/connexion/abc',
};

describe('deferred emails', () => {
  it('renders a reminder from its stored facts exactly as it would have been rendered at once', () => {
    const reminder = { ...facts, deadline: new Date('2026-12-16T09:00:00Z'), remainingDays: 30 };
    const row = deferredRow({ kind: 'REMINDER', facts: reminder });
    expect(row.html).toBeNull();
    expect(row.subject).toBe('Rappel : images toujours attendues pour votre carte VTC');
    expect(materialise({ kind: 'REMINDER', ...row })).toEqual(renderReminderEmail(reminder));
  });

  it('renders a cancellation from its stored facts', () => {
    const cancellation = {
      ...facts,
      remindedAt: new Date('2026-11-16T09:00:00Z'),
      cancelledAt: new Date('2026-12-16T09:00:00Z'),
    };
    const row = deferredRow({ kind: 'CANCELLATION', facts: cancellation });
    expect(materialise({ kind: 'CANCELLATION', ...row })).toEqual(
      renderCancellationEmail(cancellation),
    );
  });

  it('keeps an email rendered at queue time as it is', () => {
    expect(
      materialise({ kind: 'RECEIPT', subject: 's', html: '<p>h</p>', text: 't', facts: null }),
    ).toEqual({ subject: 's', html: '<p>h</p>', text: 't' });
  });

  it('refuses a row with neither content nor facts', () => {
    expect(() =>
      materialise({ kind: 'REMINDER', subject: 's', html: null, text: null, facts: null }),
    ).toThrow();
  });
});
