import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Injectable } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SessionApi, apiErrorOf } from './session-api';

@Injectable({ providedIn: 'root' })
class TestSessionApi extends SessionApi {}

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('SessionApi', () => {
  let api: TestSessionApi;
  let http: HttpTestingController;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(TestSessionApi);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('keeps the token of the sign-in and sends it back on sign-out, then forgets it', async () => {
    const signedIn = api.signIn('link-token');
    const signIn = http.expectOne('/api/auth/sign-in');
    expect(signIn.request.body).toEqual({ token: 'link-token' });
    signIn.flush({ csrfToken: 'csrf-1' });
    await signedIn;
    expect(await api.csrfHeaders()).toEqual({ 'X-CSRF-Token': 'csrf-1' });

    const signedOut = api.signOut();
    await settle();
    const signOut = http.expectOne('/api/auth/sign-out');
    expect(signOut.request.headers.get('X-CSRF-Token')).toBe('csrf-1');
    signOut.flush(null, { status: 204, statusText: 'No Content' });
    await signedOut;

    // Forgotten: the next change asks the API for the session's token first.
    const headers = api.csrfHeaders();
    http.expectOne('/api/me').flush({ csrfToken: 'csrf-2' });
    expect(await headers).toEqual({ 'X-CSRF-Token': 'csrf-2' });
  });

  it('turns an API error into its body, anything else into a French network message', () => {
    const body = { statusCode: 409, code: 'STATE_CONFLICT', message: 'Déjà envoyée.' };
    expect(apiErrorOf(new HttpErrorResponse({ status: 409, error: body }))).toEqual(body);
    expect(apiErrorOf(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }))).toMatchObject({
      statusCode: 0,
      code: 'NETWORK',
      message: expect.stringMatching(/^Le service ne répond pas/),
    });
  });
});
