import { inject } from '@angular/core';
import { CanActivateFn, Router, Routes } from '@angular/router';
import { AgentSession } from '../../api/agent-session';
import { HomePage } from './home';

/** A signed-in agent goes straight to the dashboard; anyone else sees the home page and its sign-in button. */
const signedOutOnly: CanActivateFn = async () => {
  const session = inject(AgentSession);
  const router = inject(Router);
  return (await session.current()) ? router.parseUrl('/tableau-de-bord') : true;
};

export default [
  { path: '', title: 'Accueil', canActivate: [signedOutOnly], component: HomePage },
] satisfies Routes;
