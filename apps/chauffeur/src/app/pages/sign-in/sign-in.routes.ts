import { Routes } from '@angular/router';
import { SignInLinkPage } from './sign-in-link';
import { SignInRequestPage } from './sign-in-request';

export default [
  { path: 'lien/:token', title: 'Se connecter', component: SignInLinkPage },
  { path: ':reference', title: 'Connexion', component: SignInRequestPage },
] satisfies Routes;
