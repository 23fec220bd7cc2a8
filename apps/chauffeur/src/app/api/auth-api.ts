import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ApiErrorBody, ApplicationDetail, Me, SignInLinkSent, SignInResult } from '@t3p/contracts';
import { firstValueFrom } from 'rxjs';
import { CsrfToken } from './csrf';

/** The API's error, or a French fallback when the network or the server failed. */
export function apiErrorOf(error: unknown): ApiErrorBody {
  if (error instanceof HttpErrorResponse && error.error && typeof error.error === 'object' && 'code' in error.error) {
    return error.error as ApiErrorBody;
  }
  return {
    statusCode: error instanceof HttpErrorResponse ? error.status : 0,
    code: 'NETWORK',
    message: 'Le service ne répond pas pour le moment. Vérifiez votre connexion puis réessayez.',
  };
}

/** Sign-in, session and the driver's application, over the API of the same origin. */
@Injectable({ providedIn: 'root' })
export class DriverApi {
  private readonly http = inject(HttpClient);
  /** Bound to the session; sent back in X-CSRF-Token on every state change. */
  private readonly csrfToken = inject(CsrfToken).value;

  sendSignInLink(reference: string): Promise<SignInLinkSent> {
    return firstValueFrom(this.http.post<SignInLinkSent>('/api/auth/driver/sign-in-links', { reference }));
  }

  async signIn(token: string): Promise<SignInResult> {
    const result = await firstValueFrom(this.http.post<SignInResult>('/api/auth/sign-in', { token }));
    this.csrfToken.set(result.csrfToken);
    return result;
  }

  async me(): Promise<Me> {
    const me = await firstValueFrom(this.http.get<Me>('/api/me'));
    this.csrfToken.set(me.csrfToken);
    return me;
  }

  application(): Promise<ApplicationDetail> {
    return firstValueFrom(this.http.get<ApplicationDetail>('/api/driver/application'));
  }

  async signOut(): Promise<void> {
    const token = this.csrfToken() ?? (await this.me()).csrfToken;
    await firstValueFrom(this.http.post<void>('/api/auth/sign-out', {}, { headers: { 'X-CSRF-Token': token } }));
    this.csrfToken.set(null);
  }
}
