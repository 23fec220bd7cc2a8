import { Routes } from '@angular/router';
import { agentGuard } from '../../api/agent-session';
import { DashboardPage } from './dashboard';

export default [
  { path: '', title: 'Tableau de bord', canActivate: [agentGuard], component: DashboardPage },
] satisfies Routes;
