/**
 * Renders every email (those of the lifecycle, the rejection and the sign-in link) (and their plain-text parts) with sample facts and takes a
 * screenshot of each HTML part in Chromium, as a mail client's reading pane would show it:
 *
 *   npx tsx --tsconfig tsconfig.base.json tools/emails/screenshot-emails.ts [out-dir]
 *
 * Writes docs/emails/<name>.png and docs/emails/<name>.txt. Uses Debian's /usr/bin/chromium
 * (CHROMIUM_PATH overrides it).
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { Environment } from '../../apps/api/src/config/environment';
import { renderSignInLinkEmail } from '../../apps/api/src/notifications/templates/sign-in-link.template';
import {
  LifecycleEmailFacts,
  renderCancellationEmail,
  renderImageRequestEmail,
  renderPaymentRequestEmail,
  renderReceiptEmail,
  renderRejectionEmail,
  renderReminderEmail,
  RenderedEmail,
} from '../../apps/api/src/notifications/templates/lifecycle-emails.template';

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

export const SAMPLE_EMAILS: Record<string, RenderedEmail> = {
  '1-demande-images': renderImageRequestEmail({ ...facts, deadline: day('2026-08-04') }),
  '2-relance': renderReminderEmail({ ...facts, pieces: ['SIGNATURE'], deadline: day('2026-08-04'), remainingDays: 30 }),
  '3-annulation': renderCancellationEmail({ ...facts, remindedAt: day('2026-07-05'), cancelledAt: day('2026-08-04') }),
  '4-accuse-reception': renderReceiptEmail({ ...facts, submittedAt: day('2026-06-24') }),
  '5-demande-paiement': renderPaymentRequestEmail({ ...facts, validatedAt: day('2026-06-27'), paymentPortalUrl: new Environment().PAYMENT_PORTAL_URL }),
  '7-refus-image': renderRejectionEmail({
    ...facts,
    pieces: ['PHOTO'],
    requestedAt: day('2026-06-27'),
    deadline: day('2026-08-11'),
    rejected: [{ piece: 'PHOTO', reason: 'Le visage est dans l’ombre : refaites la photo face à la lumière, sur un fond clair et uni.' }],
  }),
  '6-lien-de-connexion': renderSignInLinkEmail({
    audience: 'DRIVER',
    cardType: 'VTC',
    validityMinutes: 30,
    link: 'https://images.cartes-t3p.example/connexion/lien/eyJhbGciOiJIUzI1NiJ9.exemple?ref=Qm9uam91cg',
  }),
};

async function main() {
  const out = resolve(process.argv[2] ?? 'docs/emails');
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 720, height: 900 }, javaScriptEnabled: false });
    // Nothing is fetched from the network, as in a mail client that blocks remote content.
    await page.route('**/*', (route) => route.abort());
    for (const [name, email] of Object.entries(SAMPLE_EMAILS)) {
      // A reading pane: the subject above, the message below.
      const subject = email.subject.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const bar = `<div style="font:bold 15px Arial,sans-serif;padding:10px 16px;background:#e8e8e8;border-bottom:1px solid #ccc">Objet : ${subject}</div>`;
      await page.setContent(email.html.replace(/(<body[^>]*>)/, `$1${bar}`), { waitUntil: 'load' });
      await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
      writeFileSync(join(out, `${name}.txt`), `Objet : ${email.subject}\n\n${email.text}`);
      console.log(`${name}.png  ${email.subject}`);
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  void main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
