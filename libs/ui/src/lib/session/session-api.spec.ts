/**
 * @jest-environment node
 */
import { Injectable, Injector } from '@angular/core';
import { ApiCallError } from '@t3p/api-client';
import { API_BASE_URL, API_FETCH, ApiClient, SessionApi, apiErrorOf } from './session-api';

@Injectable()
class TestSessionApi extends SessionApi {}

interface Seen {
  method: string;
  path: string;
  csrf: string | null;
  body: string;
}

describe('SessionApi', () => {
  let seen: Seen[];
  let answers: Record<string, { status: number; body?: unknown }>;
  let injector: Injector;
  beforeEach(() => {
    seen = [];
    answers = {};
    const fakeFetch = async (request: Request) => {
      const path = new URL(request.url, 'http://front.test').pathname;
      seen.push({
        method: request.method,
        path,
        csrf: request.headers.get('x-csrf-token'),
        body: await request.clone().text(),
      });
      const answer = answers[`${request.method} ${path}`] ?? {
        status: 404,
        body: { statusCode: 404, code: 'NOT_FOUND', message: 'Ressource introuvable.' },
      };
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      });
    };
    injector = Injector.create({
      providers: [
        { provide: API_FETCH, useValue: fakeFetch },
        { provide: API_BASE_URL, useValue: 'http://front.test' },
        { provide: ApiClient, deps: [] },
        { provide: TestSessionApi, deps: [] },
      ],
    });
  });

  it('keeps the token of the sign-in and sends it back on sign-out, then forgets it', async () => {
    const api = injector.get(TestSessionApi);
    answers['POST /api/auth/sign-in'] = {
      status: 200,
      body: { role: 'DRIVER', csrfToken: 'csrf-1' },
    };
    answers['POST /api/auth/sign-out'] = { status: 204 };
    answers['GET /api/me'] = {
      status: 200,
      body: { role: 'DRIVER', firstName: 'A', lastName: 'B', csrfToken: 'csrf-2' },
    };

    await api.signIn('link-token');
    expect(seen[0]).toMatchObject({
      method: 'POST',
      path: '/api/auth/sign-in',
      csrf: null,
      body: '{"token":"link-token"}',
    });
    await api.signOut();
    expect(seen[1]).toMatchObject({ path: '/api/auth/sign-out', csrf: 'csrf-1' });

    // Forgotten: the next change asks the API for the session's token first.
    await api.signOut();
    expect(
      seen.slice(2).map((request) => `${request.method} ${request.path} ${request.csrf}`),
    ).toEqual(['GET /api/me null', 'POST /api/auth/sign-out csrf-2']);
  });

  it('turns an API error into its body, anything else into a French network message', () => {
    const body = { statusCode: 409, code: 'STATE_CONFLICT', message: 'Déjà envoyée.' };
    expect(apiErrorOf(new ApiCallError(409, body))).toEqual(body);
    expect(apiErrorOf(new ApiCallError(0, null))).toMatchObject({
      statusCode: 0,
      code: 'NETWORK',
      message: expect.stringMatching(/^Le service ne répond pas/),
    });
  });
});
