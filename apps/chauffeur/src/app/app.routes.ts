import { Routes } from '@angular/router';
import demandeRoutes from './pages/demande/demande.routes';
import signInRoutes from './pages/sign-in/sign-in.routes';

/**
 * Each page folder owns its routes (and their titles). The pages a driver lands on from an
 * email, sign-in and the wizard, are in the initial bundle: on a slow phone network, a lazy
 * chunk fetched after start-up would cost one more round trip before the first screen.
 * The others are lazy chunks.
 */
export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', loadChildren: () => import('./pages/home/home.routes') },
  { path: 'faq', loadChildren: () => import('./pages/faq/faq.routes') },
  { path: 'guide', loadChildren: () => import('./pages/guide/guide.routes') },
  {
    path: 'mentions-legales',
    loadChildren: () => import('./pages/mentions-legales/mentions-legales.routes'),
  },
  { path: 'cgu', loadChildren: () => import('./pages/cgu/cgu.routes') },
  {
    path: 'accessibilite',
    loadChildren: () => import('./pages/accessibilite/accessibilite.routes'),
  },
  { path: 'connexion', children: signInRoutes },
  { path: 'demande', children: demandeRoutes },
  {
    path: 'session-expiree',
    loadChildren: () => import('./pages/session-expired/session-expired.routes'),
  },
  { path: '**', loadChildren: () => import('./pages/not-found/not-found.routes') },
];
