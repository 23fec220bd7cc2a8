import { T3pLink } from '@t3p/ui';

export const SERVICE_TITLE = 'Espace préfecture — Cartes professionnelles T3P';
export const SITE_NAME = 'Espace préfecture T3P';

/**
 * The back-office is served under /prefecture/; the driver portal's pages live at the root of the
 * same origin, so they are plain `href`s (a full page load into the other app).
 */
export const NAV_LINKS: readonly T3pLink[] = [
  { label: 'Accueil', route: '/' },
  { label: 'FAQ des chauffeurs', href: '/faq' },
];

export const FOOTER_LINKS: readonly T3pLink[] = [
  { label: 'Mentions légales', href: '/mentions-legales' },
  { label: 'Données personnelles', href: '/cgu' },
  { label: 'Accessibilité : non conforme', href: '/accessibilite' },
  { label: 'Guide utilisateur chauffeur', href: '/guide' },
  { label: 'FAQ des chauffeurs', href: '/faq' },
];
