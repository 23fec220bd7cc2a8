import { Routes } from '@angular/router';
import { AgentSignInLinkPage } from './sign-in-link';
import { AgentSignInPage } from './sign-in';

export default [
  { path: '', pathMatch: 'full', title: 'Connexion', component: AgentSignInPage },
  { path: 'lien/:token', title: 'Se connecter', component: AgentSignInLinkPage },
] satisfies Routes;
