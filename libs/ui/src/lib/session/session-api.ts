import { inject, Injectable, InjectionToken } from '@angular/core';
import {
  ApiCallError,
  apiErrorBodyOf,
  createApiClient,
  ok,
  type Me,
  type SignInResult,
  type T3pApi,
} from '@t3p/api-client';
import type { ApiErrorBody } from '@t3p/contracts';

/** How the client reaches the API: the browser's fetch (a test provides its own). */
export const API_FETCH = new InjectionToken<(request: Request) => Promise<Response>>('API_FETCH', {
  providedIn: 'root',
  factory: () => (request: Request) => fetch(request),
});

/** Where the API is: '' on the page's own origin (a test running outside a browser gives one). */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  providedIn: 'root',
  factory: () => '',
});

/**
 * The one typed client of the API for a front (generated from docs/openapi.json, @t3p/api-client),
 * on the page's origin. Its middleware is the one place for the session's anti-CSRF token (kept
 * from the sign-in or GET /api/me, sent in X-CSRF-Token on every write) and for the 401 (the
 * token is forgotten; the pages then send the visitor to sign in).
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly created = createApiClient({
    baseUrl: inject(API_BASE_URL),
    fetch: inject(API_FETCH),
  });
  readonly api: T3pApi = this.created.api;
}

/** The HTTP status of a failed call; 0 when the API did not answer. */
export function statusOf(error: unknown): number {
  return error instanceof ApiCallError ? error.status : 0;
}

/** The API's error, or a French fallback when the network or the server failed. */
export function apiErrorOf(error: unknown): ApiErrorBody {
  const body = apiErrorBodyOf(error);
  if (body) return body;
  return {
    statusCode: statusOf(error),
    code: 'NETWORK',
    message: 'Le service ne répond pas pour le moment. Vérifiez votre connexion puis réessayez.',
  };
}

/**
 * The session calls both fronts make on the API of their origin: signing in with a link's token,
 * who is signed in, signing out. Each front extends it with its own way of asking for a sign-in
 * link and provides the subclass in root.
 */
export abstract class SessionApi {
  protected readonly api = inject(ApiClient).api;

  signIn(token: string): Promise<SignInResult> {
    return ok(this.api.POST('/api/auth/sign-in', { body: { token } }));
  }

  me(): Promise<Me> {
    return ok(this.api.GET('/api/me'));
  }

  async signOut(): Promise<void> {
    await ok(this.api.POST('/api/auth/sign-out'));
  }
}
