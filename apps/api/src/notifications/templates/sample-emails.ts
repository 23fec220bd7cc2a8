import { Environment } from '../../config/environment';
import { renderSignInLinkEmail } from './sign-in-link.template';
import {
  LifecycleEmailFacts,
  renderCancellationEmail,
  renderImageRequestEmail,
  renderPaymentRequestEmail,
  renderReceiptEmail,
  renderRejectionEmail,
  renderReminderEmail,
  RenderedEmail,
} from './lifecycle-emails.template';

const facts: LifecycleEmailFacts = {
  civility: 'M',
  lastName: 'Dupont',
  firstName: 'Olivier',
  cardType: 'VTC',
  prefectureName: 'Préfecture du Pas-de-Calais',
  pieces: ['PHOTO', 'SIGNATURE'],
  reason: 'La photo d’identité est floue. Le fond doit être uni et clair.',
  requestedAt: new Date('2026-06-20T12:03:00Z'),
  portalLink: 'https://chauffeur-carte-t3p.example/connexion/Xk3v9QeY2mJ7pR1tLw8bZ0aN5sD4fG6h',
};
const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

/** Every email the service writes, with sample facts: the screenshots of docs/emails and the width test use them. */
export const SAMPLE_EMAILS: Record<string, RenderedEmail> = {
  '1-demande-images': renderImageRequestEmail({ ...facts, deadline: day('2026-08-04') }),
  '2-relance': renderReminderEmail({
    ...facts,
    pieces: ['SIGNATURE'],
    deadline: day('2026-08-04'),
    remainingDays: 30,
  }),
  '3-annulation': renderCancellationEmail({
    ...facts,
    remindedAt: day('2026-07-05'),
    cancelledAt: day('2026-08-04'),
  }),
  '4-accuse-reception': renderReceiptEmail({ ...facts, submittedAt: day('2026-06-24') }),
  '5-demande-paiement': renderPaymentRequestEmail({
    ...facts,
    validatedAt: day('2026-06-27'),
    paymentPortalUrl: new Environment().PAYMENT_PORTAL_URL,
  }),
  '7-refus-image': renderRejectionEmail({
    ...facts,
    pieces: ['PHOTO'],
    requestedAt: day('2026-06-27'),
    deadline: day('2026-08-11'),
    rejected: [
      {
        piece: 'PHOTO',
        reason:
          'Le visage est dans l’ombre : refaites la photo face à la lumière, sur un fond clair et uni.',
      },
    ],
  }),
  '6-lien-de-connexion': renderSignInLinkEmail({
    audience: 'DRIVER',
    cardType: 'VTC',
    validityMinutes: 30,
    link: 'https://images.cartes-t3p.example/connexion/lien/eyJhbGciOiJIUzI1NiJ9.exemple?ref=Qm9uam91cg',
  }),
};
