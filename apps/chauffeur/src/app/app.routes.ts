import { Routes } from '@angular/router';

/** Every page is a lazy chunk; each page folder owns its routes (and their titles). */
export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', loadChildren: () => import('./pages/home/home.routes') },
  { path: 'faq', loadChildren: () => import('./pages/faq/faq.routes') },
  { path: 'guide', loadChildren: () => import('./pages/guide/guide.routes') },
  { path: 'mentions-legales', loadChildren: () => import('./pages/mentions-legales/mentions-legales.routes') },
  { path: 'cgu', loadChildren: () => import('./pages/cgu/cgu.routes') },
  { path: 'accessibilite', loadChildren: () => import('./pages/accessibilite/accessibilite.routes') },
  { path: 'connexion', loadChildren: () => import('./pages/sign-in/sign-in.routes') },
  { path: 'demande', loadChildren: () => import('./pages/demande/demande.routes') },
  { path: 'session-expiree', loadChildren: () => import('./pages/session-expired/session-expired.routes') },
  { path: '**', loadChildren: () => import('./pages/not-found/not-found.routes') },
];
