import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../testing/test-app';
import { buildOpenApiDocument } from './openapi';

describe('HTTP backbone (real API, real database)', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test.close());

  it('reports its health and the database status', async () => {
    const response = await fetch(`${test.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' } },
    });
  });

  it.each([
    [
      'a value of the wrong type',
      '/api/dev/mailbox?limit=abc',
      'Le paramètre « limit » doit être un nombre entier.',
    ],
    [
      'a value out of range',
      '/api/dev/mailbox?limit=1000',
      'Le paramètre « limit » doit valoir au plus 200.',
    ],
    ['an unknown field', '/api/dev/mailbox?admin=1', 'Le champ « admin » n’est pas attendu.'],
    ['a malformed id', '/api/dev/mailbox/not-a-uuid', undefined],
  ])('answers %s with a 400 in the error format', async (_case, path, message) => {
    const response = await fetch(`${test.url}${path}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({
      statusCode: 400,
      code: expect.stringMatching(/^[A-Z_]+$/),
      requestId: expect.any(String),
    });
    expect(typeof body.message).toBe('string');
    if (message) expect(body.message).toBe(message);
  });

  it('answers malformed JSON with a 400, never a 500', async () => {
    const response = await fetch(`${test.url}/api/dev/mailbox`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await response.json()).toMatchObject({
      code: expect.any(String),
      message: expect.any(String),
    });
  });

  it('answers an oversized JSON body with a 413 in the error format', async () => {
    const response = await fetch(`${test.url}/api/dev/mailbox`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(200_000) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers an unknown API route with a 404 in the error format', async () => {
    const response = await fetch(`${test.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'Ressource introuvable.',
    });
  });

  it('keeps a well-formed request id from the caller and returns it', async () => {
    const response = await fetch(`${test.url}/api/health`, {
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(response.headers.get('x-request-id')).toBe('trace-12345678');
  });

  it('sends the security headers', async () => {
    const response = await fetch(`${test.url}/api/health`);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the OpenAPI document, identical to the one committed in docs/', async () => {
    const response = await fetch(`${test.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const served = await response.json();
    const committed = JSON.parse(
      readFileSync(join(__dirname, '../../../../docs/openapi.json'), 'utf8'),
    );
    // When this fails: run `npm run openapi` and commit docs/openapi.json with the API change.
    expect(served).toEqual(committed);
    expect(buildOpenApiDocument(test.app)).toEqual(committed);
  });
});
