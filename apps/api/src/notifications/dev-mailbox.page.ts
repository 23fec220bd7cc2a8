import { frenchDateTime, type DevMailboxEmail, type DevMailboxSummary } from '@t3p/contracts';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const layout = (title: string, body: string) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/dsfr/dsfr.min.css">
</head><body><main class="fr-container fr-my-4w" id="contenu">${body}</main></body></html>`;

const date = (iso: string) => frenchDateTime(iso);

/**
 * Sizes each email frame to its content, so the whole email shows, button and footer included.
 * The frame may be read (allow-same-origin) but runs no script of the email (no allow-scripts).
 */
export const FRAME_FIT_SCRIPT = `for (const frame of document.querySelectorAll('iframe[data-fit-content]')) {
  const fit = () => { const doc = frame.contentDocument; if (doc) frame.style.height = doc.documentElement.scrollHeight + 2 + 'px'; };
  frame.addEventListener('load', fit);
  window.addEventListener('resize', fit);
  if (frame.contentDocument && frame.contentDocument.readyState === 'complete') fit();
}
`;

export function renderMailboxList(emails: DevMailboxSummary[]): string {
  const rows = emails
    .map(
      (email) => `<tr><td>${escapeHtml(date(email.createdAt))}</td><td>${escapeHtml(email.to)}</td>
<td><a href="/api/dev/mailbox/${email.id}/page">${escapeHtml(email.subject)}</a></td><td>${email.state}</td></tr>`,
    )
    .join('');
  return layout(
    'Boîte de développement',
    `<h1>Boîte de développement</h1>
<p class="fr-text--lead">Les courriels que le service envoie, lisibles ici hors production.</p>
${
  emails.length === 0
    ? '<p>Aucun courriel pour le moment.</p>'
    : `<div class="fr-table"><table><caption>Derniers courriels</caption><thead><tr><th scope="col">Date</th><th scope="col">Destinataire</th><th scope="col">Objet</th><th scope="col">État</th></tr></thead><tbody>${rows}</tbody></table></div>`
}`,
  );
}

export function renderMailboxEmail(email: DevMailboxEmail): string {
  return layout(
    email.subject,
    `<p><a class="fr-link" href="/api/dev/mailbox/page">← Tous les courriels</a></p>
<h1 class="fr-h3">${escapeHtml(email.subject)}</h1>
<p>À : ${escapeHtml(email.to)} — ${escapeHtml(date(email.createdAt))} — ${email.state}</p>
<h2 class="fr-h5">Version HTML</h2>
<iframe title="Version HTML du courriel" sandbox="allow-same-origin" data-fit-content style="display:block;width:100%;max-width:640px;height:70vh;border:1px solid #ddd" srcdoc="${escapeHtml(email.html)}"></iframe>
<script src="/api/dev/mailbox/frame.js"></script>
<h2 class="fr-h5">Version texte</h2>
<pre style="white-space:pre-wrap">${escapeHtml(email.text)}</pre>`,
  );
}
