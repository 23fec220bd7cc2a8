import { Routes } from '@angular/router';
import { agentGuard } from '../../api/agent-session';
import { ReviewPage } from './review';

export default [
  {
    path: ':id/examen',
    title: 'Examen des images',
    canActivate: [agentGuard],
    component: ReviewPage,
  },
] satisfies Routes;
