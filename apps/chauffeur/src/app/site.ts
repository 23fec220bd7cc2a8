import { T3pLink } from '@t3p/ui';

/** Name of the site, shown in the header and appended to every page title. */
export const SERVICE_TITLE = 'Cartes professionnelles T3P — Téléchargement des images';
export const SITE_NAME = 'Téléchargement des images T3P';

/** The FAQ comes first, so it sits at the top left of the header on a computer. */
export const NAV_LINKS: readonly T3pLink[] = [
  { label: 'FAQ', route: '/faq' },
  { label: 'Guide utilisateur', route: '/guide' },
];

export const FOOTER_LINKS: readonly T3pLink[] = [
  { label: 'Mentions légales', route: '/mentions-legales' },
  { label: 'CGU et données personnelles', route: '/cgu' },
  { label: 'Accessibilité : non conforme', route: '/accessibilite' },
  { label: 'Guide utilisateur', route: '/guide' },
  { label: 'FAQ', route: '/faq' },
];
