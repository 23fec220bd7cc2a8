import {
  CONTACT_CENTRE,
  EMAIL_SUBJECTS,
  frenchDate,
  type CardType,
  type Civility,
  type Piece,
} from '@t3p/contracts';
import { DPI_MAX, DPI_MIN, NOMINAL, TOLERANCE } from '@t3p/image-rules';
import Handlebars from 'handlebars';

/** The facts every email of the image-request lifecycle is built from. */
export interface LifecycleEmailFacts {
  civility: Civility;
  lastName: string;
  firstName: string;
  cardType: CardType;
  /** The validating préfecture, e.g. "Préfecture du Nord". */
  prefectureName: string;
  pieces: Piece[];
  reason: string;
  /** When the request was made. */
  requestedAt: Date;
  /** The portal's sign-in screen for this request. */
  portalLink: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const PIECE_LABELS: Record<Piece, string> = {
  PHOTO: 'votre photo d’identité',
  SIGNATURE: 'votre signature',
};

// « 1er décembre 2026 »: the same writing as both fronts.
const frDate = (date: Date) => frenchDate(date);

const salutation = (facts: LifecycleEmailFacts) =>
  `${facts.civility === 'MME' ? 'Madame' : 'Monsieur'} ${facts.lastName.toUpperCase()} ${facts.firstName}`;

const percent = Math.round(TOLERANCE * 100);
const ko = (bytes: number) => Math.round(bytes / 1024);

/** The technical table of the request and reminder emails (the rules of @t3p/image-rules). */
export const TECHNICAL_TABLE: { label: string; photo: string; signature: string }[] = [
  { label: 'Format du fichier', photo: 'JPEG ou PDF', signature: 'JPEG ou PDF' },
  {
    label: 'Résolution',
    photo: `de ${DPI_MIN} à ${DPI_MAX} DPI`,
    signature: `de ${DPI_MIN} à ${DPI_MAX} DPI`,
  },
  {
    label: 'Poids du fichier',
    photo: `${ko(NOMINAL.photo.maxBytes)} Ko au plus`,
    signature: `${ko(NOMINAL.signature.maxBytes)} Ko au plus`,
  },
  {
    label: 'Dimensions',
    photo: `${NOMINAL.photo.widthMm} × ${NOMINAL.photo.heightMm} mm (proportions à\u00a0±\u00a0${percent}\u00a0%)`,
    signature: `${NOMINAL.signature.widthMm} × ${NOMINAL.signature.heightMm} mm (proportions à\u00a0±\u00a0${percent}\u00a0%)`,
  },
];

interface Block {
  title: string;
  paragraphs: string[];
  /** A framed paragraph (reason, deadline). */
  notice?: { heading: string; lines: string[] };
  listHeading?: string;
  list?: string[];
  warning?: string;
  button?: { link: string; label: string };
  afterButton?: string[];
  technicalTable?: boolean;
}

// Handlebars escapes every {{value}}: nothing from the database reaches the HTML unescaped.
const layout = Handlebars.compile(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title></head>
<body style="margin:0;padding:0;background:#f6f6f6;font-family:Arial,Helvetica,sans-serif;color:#161616">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f6f6"><tr><td align="center" style="padding:24px 8px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-top:4px solid #000091">
<tr><td style="padding:24px 20px 8px 20px">
<p style="margin:0;font-size:14px;color:#3a3a3a">Cartes professionnelles T3P — carte {{cardType}}</p>
<h1 style="margin:8px 0 16px 0;font-size:22px;line-height:28px;color:#000091">{{title}}</h1>
<p style="margin:0 0 16px 0;font-size:16px;line-height:24px">{{salutation}},</p>
{{#each paragraphs}}<p style="margin:0 0 16px 0;font-size:16px;line-height:24px">{{this}}</p>
{{/each}}
{{#if notice}}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 16px 0"><tr><td style="border-left:4px solid #000091;background:#f5f5fe;padding:12px 16px;font-size:16px;line-height:24px">
<strong>{{notice.heading}}</strong>{{#each notice.lines}}<br>{{this}}{{/each}}
</td></tr></table>
{{/if}}
{{#if list}}<p style="margin:0 0 8px 0;font-size:16px;line-height:24px">{{listHeading}}</p>
<ul style="margin:0 0 16px 0;padding-left:24px;font-size:16px;line-height:24px">{{#each list}}<li>{{this}}</li>{{/each}}</ul>
{{/if}}
{{#if warning}}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 16px 0"><tr><td style="border-left:4px solid #b34000;background:#fff4f3;padding:12px 16px;font-size:16px;line-height:24px;color:#161616">
<strong>Important :</strong> {{warning}}
</td></tr></table>
{{/if}}
{{#if button}}<p style="margin:24px 0;text-align:center"><a href="{{button.link}}" style="display:inline-block;background:#000091;color:#ffffff;text-decoration:none;font-size:16px;padding:12px 24px">{{button.label}}</a></p>
<p style="margin:0 0 16px 0;font-size:14px;line-height:22px;color:#3a3a3a">Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :<br><span style="word-break:break-all">{{button.link}}</span></p>
{{/if}}
{{#each afterButton}}<p style="margin:0 0 16px 0;font-size:16px;line-height:24px">{{this}}</p>
{{/each}}
{{#if technicalTable}}{{{technicalTableHtml}}}{{/if}}
<p style="margin:16px 0 16px 0;font-size:16px;line-height:24px">Nous vous prions d’agréer, {{civilityWord}}, nos salutations distinguées.<br>Le service de délivrance des cartes professionnelles du T3P</p>
</td></tr>
<tr><td style="padding:16px 20px 24px 20px;border-top:1px solid #dddddd;font-size:13px;line-height:20px;color:#666666">
Ce message est envoyé automatiquement, merci de ne pas y répondre.<br>Une question ? Centre de contact : {{phone}} ({{phoneNote}}) ou {{contactEmail}}.
</td></tr></table></td></tr></table></body></html>`);

// The technical table is the same in every email: rendered once (its cells are escaped there).
const technicalTableHtml =
  Handlebars.compile(`<p style="margin:8px 0 8px 0;font-size:16px;line-height:24px"><strong>Caractéristiques techniques attendues de vos images</strong></p>
<table cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;margin:0 0 16px 0;font-size:14px;line-height:20px">
<tr><th scope="col" style="text-align:left;border:1px solid #cecece;background:#eeeeee;padding:6px 8px"></th><th scope="col" style="text-align:left;border:1px solid #cecece;background:#eeeeee;padding:6px 8px">Photo d’identité</th><th scope="col" style="text-align:left;border:1px solid #cecece;background:#eeeeee;padding:6px 8px">Signature</th></tr>
{{#each table}}<tr><th scope="row" style="text-align:left;border:1px solid #cecece;padding:6px 8px;font-weight:bold">{{label}}</th><td style="border:1px solid #cecece;padding:6px 8px">{{photo}}</td><td style="border:1px solid #cecece;padding:6px 8px">{{signature}}</td></tr>
{{/each}}</table>`)({ table: TECHNICAL_TABLE });

function render(subject: string, facts: LifecycleEmailFacts, block: Block): RenderedEmail {
  const contactEmail = CONTACT_CENTRE.emails[facts.cardType];
  const greeting = salutation(facts);
  const civilityWord = facts.civility === 'MME' ? 'Madame' : 'Monsieur';
  const html = layout({
    subject,
    cardType: facts.cardType,
    salutation: greeting,
    civilityWord,
    ...block,
    technicalTableHtml,
    phone: CONTACT_CENTRE.phone,
    phoneNote: CONTACT_CENTRE.phoneNote,
    contactEmail,
  });
  const lines: string[] = [
    `Cartes professionnelles T3P — carte ${facts.cardType}`,
    '',
    block.title.toUpperCase(),
    '',
    `${greeting},`,
    '',
  ];
  for (const paragraph of block.paragraphs) lines.push(paragraph, '');
  if (block.notice)
    lines.push(block.notice.heading, ...block.notice.lines.map((line) => `  ${line}`), '');
  if (block.list)
    lines.push(block.listHeading ?? '', ...block.list.map((item) => `  - ${item}`), '');
  if (block.warning) lines.push(`IMPORTANT : ${block.warning}`, '');
  if (block.button) lines.push(`${block.button.label} : ${block.button.link}`, '');
  for (const paragraph of block.afterButton ?? []) lines.push(paragraph, '');
  if (block.technicalTable) {
    lines.push('Caractéristiques techniques attendues de vos images :');
    for (const row of TECHNICAL_TABLE)
      lines.push(`  - ${row.label} : photo d’identité ${row.photo} ; signature ${row.signature}`);
    lines.push('');
  }
  lines.push(
    `Nous vous prions d’agréer, ${civilityWord}, nos salutations distinguées.`,
    'Le service de délivrance des cartes professionnelles du T3P',
    '',
    '—',
    'Ce message est envoyé automatiquement, merci de ne pas y répondre.',
    `Une question ? Centre de contact : ${CONTACT_CENTRE.phone} (${CONTACT_CENTRE.phoneNote}) ou ${contactEmail}.`,
    '',
  );
  return { subject, html, text: lines.join('\n') };
}

const piecesOf = (facts: LifecycleEmailFacts) => facts.pieces.map((piece) => PIECE_LABELS[piece]);
const reasonNotice = (facts: LifecycleEmailFacts) => ({
  heading: 'Motif de la demande',
  lines: [`Le ${frDate(facts.requestedAt)} : ${facts.reason}`],
});

/** « Demande d’images »: the préfecture needs new images. */
export function renderImageRequestEmail(
  facts: LifecycleEmailFacts & { deadline: Date },
): RenderedEmail {
  return render(EMAIL_SUBJECTS.imageRequest(facts.cardType), facts, {
    title: 'La préfecture vous demande de nouvelles images',
    paragraphs: [
      `Les images jointes à votre demande de carte professionnelle ${facts.cardType} ne permettent pas de la fabriquer : elles manquent ou leur qualité est insuffisante.`,
    ],
    notice: reasonNotice(facts),
    listHeading: 'Merci de déposer en ligne :',
    list: piecesOf(facts),
    warning: `soignez la qualité de vos images : elles figureront sur votre carte et servent lors des contrôles. Sans dépôt de votre part, la demande sera annulée le ${frDate(facts.deadline)}.`,
    button: { link: facts.portalLink, label: 'Déposer mes images sur le portail' },
    afterButton: [
      `Vos nouvelles images seront examinées puis validées par la ${facts.prefectureName}.`,
    ],
    technicalTable: true,
  });
}

const PIECE_NAMES: Record<Piece, string> = { PHOTO: 'Photo d’identité', SIGNATURE: 'Signature' };

/** One refused piece of a review and the préfecture's reason. */
export interface RejectedPiece {
  piece: Piece;
  reason: string;
}

/**
 * "Image refusée": the préfecture refused the photo or the signature; the new request (for the
 * refused pieces only) and its link are in the same email, so the driver reads why and what to do.
 */
export function renderRejectionEmail(
  facts: LifecycleEmailFacts & { deadline: Date; rejected: RejectedPiece[] },
): RenderedEmail {
  const pieces = facts.rejected.map((item) => item.piece);
  const refused = pieces.map((piece) => PIECE_LABELS[piece]).join(' et ');
  const plural = pieces.length > 1;
  return render(EMAIL_SUBJECTS.rejection(facts.cardType, pieces), facts, {
    title: plural
      ? 'Votre photo et votre signature ont été refusées'
      : pieces[0] === 'SIGNATURE'
        ? 'Votre signature a été refusée'
        : 'Votre photo d’identité a été refusée',
    paragraphs: [
      `La ${facts.prefectureName} a examiné les images envoyées pour votre carte professionnelle ${facts.cardType} et n’a pas accepté ${refused} : ${plural ? 'elles ne peuvent' : 'elle ne peut'} pas figurer sur votre carte.`,
    ],
    notice: {
      heading: 'Motif du refus',
      lines: facts.rejected.map((item) => `${PIECE_NAMES[item.piece]} : ${item.reason}`),
    },
    listHeading: 'Ce qu’il vous reste à faire :',
    list: [
      `préparer ${plural ? 'de nouvelles images qui tiennent' : 'une nouvelle image qui tient'} compte de ce motif et des caractéristiques rappelées plus bas ;`,
      `${plural ? 'les' : 'la'} déposer sur le portail avec le bouton ci-dessous : une nouvelle demande, pour ${refused} seulement, vous y attend.`,
    ],
    warning: `sans dépôt de votre part, cette nouvelle demande sera annulée le ${frDate(facts.deadline)}.`,
    button: { link: facts.portalLink, label: 'Déposer une nouvelle image sur le portail' },
    afterButton: [`Votre nouvel envoi sera examiné par la ${facts.prefectureName}.`],
    technicalTable: true,
  });
}

export const reminderSubject = (cardType: CardType) => EMAIL_SUBJECTS.reminder(cardType);
export const cancellationSubject = (cardType: CardType) => EMAIL_SUBJECTS.cancellation(cardType);

/** "Relance": nothing submitted after the first delay; the cancellation date is stated. */
export function renderReminderEmail(
  facts: LifecycleEmailFacts & { deadline: Date; remainingDays: number },
): RenderedEmail {
  return render(reminderSubject(facts.cardType), facts, {
    title: 'Nous attendons toujours vos images',
    paragraphs: [
      `Le ${frDate(facts.requestedAt)}, la préfecture vous a demandé de nouvelles images pour fabriquer votre carte professionnelle ${facts.cardType}. Nous ne les avons pas encore reçues.`,
    ],
    notice: reasonNotice(facts),
    listHeading: 'Merci de déposer en ligne :',
    list: piecesOf(facts),
    warning: `vous disposez de ${facts.remainingDays} jours, jusqu’au ${frDate(facts.deadline)}. Passé ce délai sans réception de vos images, votre demande de carte sera définitivement annulée.`,
    button: { link: facts.portalLink, label: 'Déposer mes images sur le portail' },
    afterButton: [`Vos images seront examinées puis validées par la ${facts.prefectureName}.`],
    technicalTable: true,
  });
}

/** "Annulation": the deadline passed with nothing submitted; the application is cancelled. */
export function renderCancellationEmail(
  facts: LifecycleEmailFacts & { remindedAt: Date; cancelledAt: Date },
): RenderedEmail {
  return render(cancellationSubject(facts.cardType), facts, {
    title: 'Votre demande de carte est annulée',
    paragraphs: [
      `Le ${frDate(facts.requestedAt)}, la ${facts.prefectureName} vous a demandé de nouvelles images pour votre carte professionnelle ${facts.cardType}, puis nous vous l’avons rappelé le ${frDate(facts.remindedAt)}.`,
      `Faute d’avoir reçu ces images dans le délai, votre demande de carte a été définitivement annulée le ${frDate(facts.cancelledAt)}. Vous ne pouvez plus déposer d’images pour cette demande.`,
    ],
    notice: reasonNotice(facts),
    listHeading: 'Les pièces attendues étaient :',
    list: piecesOf(facts),
    afterButton: [
      `Pour obtenir votre carte, adressez-vous à la ${facts.prefectureName}, qui vous indiquera comment déposer une nouvelle demande.`,
    ],
  });
}

/** "Accusé de réception": the driver confirmed the upload. */
export function renderReceiptEmail(
  facts: LifecycleEmailFacts & { submittedAt: Date },
): RenderedEmail {
  return render(EMAIL_SUBJECTS.receipt(facts.cardType), facts, {
    title: 'Nous avons bien reçu vos images',
    paragraphs: [
      `Le ${frDate(facts.submittedAt)}, vous avez confirmé le dépôt des images demandées pour votre carte professionnelle ${facts.cardType}.`,
    ],
    listHeading: 'Images reçues :',
    list: piecesOf(facts),
    afterButton: [
      `La ${facts.prefectureName} va maintenant les examiner. Vous recevrez un courriel dès sa décision : soit la validation de votre demande, suivie de l’invitation à régler votre carte, soit une nouvelle demande d’images qui vous en expliquera le motif.`,
      'Vous n’avez rien d’autre à faire pour le moment.',
    ],
  });
}

/** "Demande de paiement": the préfecture validated the images; payment is the next step. */
export function renderPaymentRequestEmail(
  facts: LifecycleEmailFacts & { validatedAt: Date; paymentPortalUrl: string },
): RenderedEmail {
  return render(EMAIL_SUBJECTS.paymentRequest(facts.cardType), facts, {
    title: 'Votre demande de carte est validée',
    paragraphs: [
      `Bonne nouvelle : le ${frDate(facts.validatedAt)}, la ${facts.prefectureName} a validé vos images et votre demande de carte professionnelle ${facts.cardType}.`,
      'Dernière étape : le paiement de votre carte. Sa fabrication commencera dès réception de votre règlement.',
    ],
    button: { link: facts.paymentPortalUrl, label: 'Payer ma carte sur le portail de paiement' },
    afterButton: [
      'Le paiement se fait sur le portail de paiement des cartes T3P, distinct du portail de dépôt des images.',
    ],
  });
}
