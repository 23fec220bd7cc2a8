import { Routes } from '@angular/router';
import { MentionsLegalesPage } from './mentions-legales';

export default [
  { path: '', title: 'Mentions légales', component: MentionsLegalesPage },
] satisfies Routes;
