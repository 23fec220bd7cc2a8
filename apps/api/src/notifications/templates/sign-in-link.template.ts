import { CONTACT_CENTRE, EMAIL_SUBJECTS, type CardType } from '@t3p/contracts';
import Handlebars from 'handlebars';

export interface SignInLinkEmail {
  /** DRIVER: the upload portal; AGENT: the préfecture back-office. */
  audience: 'DRIVER' | 'AGENT';
  link: string;
  validityMinutes: number;
  /** Drivers: the card type of their application, named in the subject. */
  cardType?: CardType;
}

// Handlebars escapes every {{value}}: nothing from the database reaches the HTML unescaped.
const html = Handlebars.compile(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title></head>
<body style="margin:0;padding:0;background:#f6f6f6;font-family:Arial,Helvetica,sans-serif;color:#161616">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f6f6"><tr><td align="center" style="padding:24px 8px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-top:4px solid #000091">
<tr><td style="padding:24px 20px 8px 20px">
<p style="margin:0;font-size:14px;color:#3a3a3a">{{service}}</p>
<h1 style="margin:8px 0 16px 0;font-size:22px;color:#000091">Votre lien de connexion</h1>
<p style="margin:0 0 16px 0;font-size:16px;line-height:24px">Bonjour,</p>
<p style="margin:0 0 16px 0;font-size:16px;line-height:24px">{{intro}}</p>
<p style="margin:24px 0;text-align:center"><a href="{{link}}" style="display:inline-block;background:#000091;color:#ffffff;text-decoration:none;font-size:16px;padding:12px 24px">Ouvrir la page de connexion</a></p>
<p style="margin:0 0 16px 0;font-size:16px;line-height:24px"><strong>Ce lien reste valable {{validityMinutes}} minutes et ne sert qu’une seule fois.</strong> Si vous en demandez un autre, celui-ci ne fonctionnera plus.</p>
<p style="margin:0 0 16px 0;font-size:14px;line-height:22px;color:#3a3a3a">Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :<br><span style="word-break:break-all">{{link}}</span></p>
<p style="margin:0 0 16px 0;font-size:14px;line-height:22px;color:#3a3a3a">Vous n’êtes pas à l’origine de cette demande ? Ne cliquez pas sur le lien et supprimez ce message : sans ce lien, personne ne peut se connecter à votre place.</p>
</td></tr>
<tr><td style="padding:16px 20px 24px 20px;border-top:1px solid #dddddd;font-size:13px;line-height:20px;color:#666666">
Ce message est envoyé automatiquement, merci de ne pas y répondre.{{#if contactEmail}}<br>Une question ? Centre de contact : {{phone}} ({{phoneNote}}) ou {{contactEmail}}.{{/if}}
</td></tr></table></td></tr></table></body></html>`);

/** Subject, HTML and plain text of the "lien de connexion" email, in French. */
export function renderSignInLinkEmail(email: SignInLinkEmail): {
  subject: string;
  html: string;
  text: string;
} {
  const driver = email.audience === 'DRIVER';
  const subject = driver
    ? EMAIL_SUBJECTS.driverSignIn(email.cardType)
    : EMAIL_SUBJECTS.agentSignIn();
  const service = driver
    ? 'Cartes professionnelles T3P — Téléchargement des images'
    : 'Cartes professionnelles T3P — Espace préfecture';
  const intro = driver
    ? 'Vous avez demandé à vous connecter au portail où vous déposez votre photo d’identité et votre signature. Le bouton ci-dessous vous y conduit ; il vous restera à appuyer sur « Se connecter ».'
    : 'Vous avez demandé à vous connecter à l’espace des agents de préfecture. Le bouton ci-dessous vous y conduit ; il vous restera à appuyer sur « Se connecter ».';
  const contactEmail = driver && email.cardType ? CONTACT_CENTRE.emails[email.cardType] : undefined;
  const values = {
    subject,
    service,
    intro,
    link: email.link,
    validityMinutes: email.validityMinutes,
    contactEmail,
    phone: CONTACT_CENTRE.phone,
    phoneNote: CONTACT_CENTRE.phoneNote,
  };
  const text = [
    service,
    '',
    'Bonjour,',
    '',
    intro,
    '',
    `Ouvrez ce lien pour vous connecter : ${email.link}`,
    '',
    `Ce lien reste valable ${email.validityMinutes} minutes et ne sert qu’une seule fois. Si vous en demandez un autre, celui-ci ne fonctionnera plus.`,
    '',
    'Vous n’êtes pas à l’origine de cette demande ? Ne cliquez pas sur le lien et supprimez ce message : sans ce lien, personne ne peut se connecter à votre place.',
    '',
    '—',
    'Ce message est envoyé automatiquement, merci de ne pas y répondre.',
    ...(contactEmail
      ? [
          `Une question ? Centre de contact : ${CONTACT_CENTRE.phone} (${CONTACT_CENTRE.phoneNote}) ou ${contactEmail}.`,
        ]
      : []),
    '',
  ].join('\n');
  return { subject, html: html(values), text };
}
