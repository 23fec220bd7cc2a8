import 'reflect-metadata';
import {
  LifecycleEmailFacts,
  renderCancellationEmail,
  renderImageRequestEmail,
  renderPaymentRequestEmail,
  renderReceiptEmail,
  renderRejectionEmail,
  renderReminderEmail,
} from './lifecycle-emails.template';

const facts: LifecycleEmailFacts = {
  civility: 'M',
  lastName: 'Dupont',
  firstName: 'Olivier',
  cardType: 'TAXI',
  prefectureName: 'Préfecture du Pas-de-Calais',
  pieces: ['SIGNATURE'],
  reason: 'Signature <b>coupée</b> & pâle',
  requestedAt: new Date('2026-06-20T12:00:00Z'),
  portalLink: 'https://portail.example/connexion?ref=abc',
};
const day = new Date('2026-08-04T12:00:00Z');

const all = {
  request: renderImageRequestEmail({ ...facts, deadline: day }),
  reminder: renderReminderEmail({ ...facts, deadline: day, remainingDays: 30 }),
  cancellation: renderCancellationEmail({
    ...facts,
    remindedAt: new Date('2026-07-05T12:00:00Z'),
    cancelledAt: day,
  }),
  receipt: renderReceiptEmail({ ...facts, submittedAt: day }),
  payment: renderPaymentRequestEmail({
    ...facts,
    validatedAt: day,
    paymentPortalUrl: 'https://paiement.chauffeur-carte-t3p.example/',
  }),
  rejection: renderRejectionEmail({
    ...facts,
    deadline: day,
    rejected: [{ piece: 'SIGNATURE', reason: 'La signature est coupée à droite.' }],
  }),
};

describe('lifecycle email templates', () => {
  it.each(Object.entries(all))(
    '%s: subject names the card type; both parts carry the greeting and the contact address',
    (_name, email) => {
      expect(email.subject).toMatch(/ pour votre carte TAXI$/);
      for (const part of [email.html, email.text]) {
        expect(part).toContain('Monsieur DUPONT Olivier');
        expect(part).toContain('contact.carte-taxi@ingroupe.com');
        expect(part).toContain('0 806 00 01 14');
        expect(part).toContain('merci de ne pas y répondre');
      }
      expect(email.html).toMatch(/^<!doctype html>/);
      expect(email.html).toContain('lang="fr"');
    },
  );

  it('escapes what comes from the database in the HTML', () => {
    expect(all.request.html).toContain('Signature &lt;b&gt;coupée&lt;/b&gt; &amp; pâle');
    expect(all.request.html).not.toContain('<b>coupée</b>');
    expect(all.request.text).toContain('Signature <b>coupée</b> & pâle');
  });

  it('request and reminder carry the reason and date, pieces, link, préfecture, technical table; the reminder the deadline', () => {
    for (const email of [all.request, all.reminder]) {
      // Handlebars writes "=" in attributes as "&#x3D;", which every mail client reads back.
      for (const part of [email.html.replace(/&#x3D;/g, '='), email.text]) {
        expect(part).toContain('20 juin 2026');
        expect(part).toContain('votre signature');
        expect(part).not.toContain('votre photo d’identité');
        expect(part).toContain('https://portail.example/connexion?ref=abc');
        expect(part).toContain('Préfecture du Pas-de-Calais');
        expect(part).toContain('JPEG ou PDF');
        expect(part).toContain('de 300 à 400 DPI');
        expect(part).toContain('25 × 12 mm (proportions à\u00a0±\u00a010\u00a0%)');
        expect(part).toContain('4 août 2026');
      }
    }
    expect(all.reminder.text).toContain('vous disposez de 30 jours, jusqu’au 4 août 2026');
    expect(all.reminder.text).toContain('définitivement annulée');
  });

  it('the request email keeps the subject drivers were told about for years', () => {
    expect(all.request.subject).toBe('Demande d’images pour votre carte TAXI');
  });

  it('a rejection says what was refused, the préfecture’s reason, what to do, and carries the new request’s link', () => {
    expect(all.rejection.subject).toBe(
      'Signature refusée : demande d’images pour votre carte TAXI',
    );
    for (const part of [all.rejection.html.replace(/&#x3D;/g, '='), all.rejection.text]) {
      expect(part).toContain('n’a pas accepté votre signature');
      expect(part).toContain('Motif du refus');
      expect(part).toContain('Signature : La signature est coupée à droite.');
      expect(part).toContain('Ce qu’il vous reste à faire');
      expect(part).toContain('https://portail.example/connexion?ref=abc');
      expect(part).toContain('annulée le 4 août 2026');
      expect(part).not.toContain('photo d’identité et');
    }
    const both = renderRejectionEmail({
      ...facts,
      pieces: ['PHOTO', 'SIGNATURE'],
      deadline: day,
      rejected: [
        { piece: 'PHOTO', reason: 'Floue.' },
        { piece: 'SIGNATURE', reason: 'Pâle.' },
      ],
    });
    expect(both.subject).toBe(
      'Photo et signature refusées : demande d’images pour votre carte TAXI',
    );
    expect(both.text).toContain('Photo d’identité : Floue.');
  });

  it('writes « 1er » on the first of a month', () => {
    const first = renderReceiptEmail({ ...facts, submittedAt: new Date('2026-12-01T10:00:00Z') });
    expect(first.text).toContain('Le 1er décembre 2026, vous avez confirmé');
  });

  it('cancellation says why; receipt what was received; payment the next step and its portal', () => {
    expect(all.cancellation.text).toContain('rappelé le 5 juillet 2026');
    expect(all.cancellation.text).toContain('définitivement annulée le 4 août 2026');
    expect(all.receipt.text).toContain('votre signature');
    expect(all.receipt.text).toContain('Préfecture du Pas-de-Calais va maintenant les examiner');
    expect(all.payment.text).toContain('a validé vos images');
    expect(all.payment.text).toMatch(/Payer ma carte sur le portail de paiement : https:\/\//);
  });
});
