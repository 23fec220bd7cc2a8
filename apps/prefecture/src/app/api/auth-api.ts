import { Injectable } from '@angular/core';
import type { SignInLinkSent } from '@t3p/contracts';
import { SessionApi } from '@t3p/ui';
import { firstValueFrom } from 'rxjs';

/** Agents' sign-in (by their work address) and session. */
@Injectable({ providedIn: 'root' })
export class AgentAuthApi extends SessionApi {
  sendSignInLink(email: string): Promise<SignInLinkSent> {
    return firstValueFrom(this.http.post<SignInLinkSent>('/api/auth/agent/sign-in-links', { email }));
  }
}
