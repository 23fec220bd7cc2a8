import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, signal } from '@angular/core';
import type { ApiErrorBody, Me, SignInResult } from '@t3p/contracts';
import { firstValueFrom } from 'rxjs';

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

/**
 * The session calls both fronts make on the API of their origin: signing in with a link's token,
 * who is signed in, signing out, and the session's anti-CSRF token (from sign-in or GET /api/me),
 * sent back in X-CSRF-Token on every state change. Each front extends it with its own way of
 * asking for a sign-in link and provides the subclass in root.
 */
export abstract class SessionApi {
  protected readonly http = inject(HttpClient);
  private readonly csrfToken = signal<string | null>(null);

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

  /** The CSRF header of the session (read from GET /api/me if not known yet). */
  async csrfHeaders(): Promise<Record<string, string>> {
    const token = this.csrfToken() ?? (await this.me()).csrfToken;
    return { 'X-CSRF-Token': token };
  }

  async signOut(): Promise<void> {
    await firstValueFrom(this.http.post<void>('/api/auth/sign-out', {}, { headers: await this.csrfHeaders() }));
    this.csrfToken.set(null);
  }
}
