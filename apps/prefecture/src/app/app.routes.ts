import { Routes } from '@angular/router';

/** Every page is a lazy chunk; each page folder owns its routes (and their titles). */
export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', loadChildren: () => import('./pages/home/home.routes') },
  { path: 'connexion', loadChildren: () => import('./pages/sign-in/sign-in.routes') },
  // The former landing page after sign-in: the dashboard replaces it.
  { path: 'espace', pathMatch: 'full', redirectTo: 'tableau-de-bord' },
  { path: 'tableau-de-bord', loadChildren: () => import('./pages/dashboard/dashboard.routes') },
  { path: 'dossiers', loadChildren: () => import('./pages/application/application.routes') },
  { path: 'demandes', loadChildren: () => import('./pages/review/review.routes') },
  { path: 'equipe', loadChildren: () => import('./pages/team/team.routes') },
  { path: 'statistiques', loadChildren: () => import('./pages/statistics/statistics.routes') },
  { path: '**', loadChildren: () => import('./pages/not-found/not-found.routes') },
];
