import { Routes } from '@angular/router';
import { agentGuard } from '../../api/agent-session';
import { StatisticsPage } from './statistics';

export default [
  {
    path: '',
    title: 'Statistiques de la préfecture',
    canActivate: [agentGuard],
    component: StatisticsPage,
  },
] satisfies Routes;
