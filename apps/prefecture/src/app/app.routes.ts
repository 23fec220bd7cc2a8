import { Routes } from '@angular/router';

/** Every page is a lazy chunk; each page folder owns its routes (and their titles). */
export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', loadChildren: () => import('./pages/home/home.routes') },
  { path: 'connexion', loadChildren: () => import('./pages/sign-in/sign-in.routes') },
  { path: 'espace', loadChildren: () => import('./pages/sign-in-home/sign-in-home.routes') },
  { path: '**', loadChildren: () => import('./pages/not-found/not-found.routes') },
];
