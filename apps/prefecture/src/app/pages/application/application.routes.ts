import { Routes } from '@angular/router';
import { agentGuard } from '../../api/agent-session';
import { ApplicationPage } from './application';

export default [
  {
    path: ':id',
    title: 'Dossier du chauffeur',
    canActivate: [agentGuard],
    component: ApplicationPage,
  },
] satisfies Routes;
