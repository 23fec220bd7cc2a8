import { inject } from '@angular/core';
import { CanActivateFn, Router, Routes } from '@angular/router';
import { AgentSession } from '../../api/agent-session';
import { TeamPage } from './team';

/** The team page is a responsable's; other agents go back to the dashboard, signed-out visitors to the sign-in page. */
const responsableOnly: CanActivateFn = async () => {
  const session = inject(AgentSession);
  const router = inject(Router);
  const agent = await session.current();
  if (!agent) return router.parseUrl('/connexion');
  return agent.agentRole === 'RESPONSABLE' ? true : router.parseUrl('/tableau-de-bord');
};

export default [
  {
    path: '',
    title: 'Équipe de la préfecture',
    canActivate: [responsableOnly],
    component: TeamPage,
  },
] satisfies Routes;
