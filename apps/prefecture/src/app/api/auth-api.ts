import { Injectable } from '@angular/core';
import { ok, type SignInLinkSent } from '@t3p/api-client';
import { SessionApi } from '@t3p/ui';

/** Agents' sign-in (by their work address) and session. */
@Injectable({ providedIn: 'root' })
export class AgentAuthApi extends SessionApi {
  sendSignInLink(email: string): Promise<SignInLinkSent> {
    return ok(this.api.POST('/api/auth/agent/sign-in-links', { body: { email } }));
  }
}
