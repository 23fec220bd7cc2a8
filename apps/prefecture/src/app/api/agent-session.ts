import { inject, Injectable, signal } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { Me } from '@t3p/api-client';
import { AgentAuthApi } from './auth-api';

/** The signed-in agent, asked once to the API and kept for the pages. */
@Injectable({ providedIn: 'root' })
export class AgentSession {
  private readonly auth = inject(AgentAuthApi);
  readonly agent = signal<Me | null>(null);

  /** The agent, or null when nobody (or a driver) is signed in. */
  async current(): Promise<Me | null> {
    if (this.agent()) return this.agent();
    try {
      const me = await this.auth.me();
      this.agent.set(me.role === 'AGENT' ? me : null);
    } catch {
      this.agent.set(null);
    }
    return this.agent();
  }

  async signOut(): Promise<void> {
    try {
      await this.auth.signOut();
    } finally {
      this.agent.set(null);
    }
  }
}

/** Pages of the back-office: signed-out visitors are sent to the sign-in page. */
export const agentGuard: CanActivateFn = async () => {
  // inject() only before the first await: the injection context ends there.
  const session = inject(AgentSession);
  const router = inject(Router);
  return (await session.current()) ? true : router.parseUrl('/connexion');
};
