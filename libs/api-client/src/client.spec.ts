import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiCallError, createApiClient, ok } from './index';

const root = join(__dirname, '../../..');

describe('the generated client', () => {
  it('is what docs/openapi.json gives (else: npm run api-client, and commit)', () => {
    // Throws, with the generator's message, when the committed types drifted from the document.
    const output = execFileSync('node', [join(root, 'libs/api-client/generate.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(output).toContain('matches docs/openapi.json');
  });

  it('covers every path of the document', () => {
    const document = JSON.parse(readFileSync(join(root, 'docs/openapi.json'), 'utf8')) as {
      paths: Record<string, unknown>;
    };
    const generated = readFileSync(join(__dirname, 'generated/openapi.ts'), 'utf8');
    for (const path of Object.keys(document.paths)) expect(generated).toContain(`"${path}": {`);
  });
});

/** A fake API: records the requests, answers from a table. */
function fakeApi(answers: Record<string, () => Response>) {
  const seen: Request[] = [];
  const fetch = async (request: Request) => {
    seen.push(request.clone());
    const key = `${request.method} ${new URL(request.url).pathname}`;
    return (
      answers[key]?.() ??
      new Response(
        JSON.stringify({ statusCode: 404, code: 'NOT_FOUND', message: 'Ressource introuvable.' }),
        { status: 404 },
      )
    );
  };
  return { seen, fetch };
}
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createApiClient: the one place for CSRF and 401', () => {
  it('keeps the sign-in’s token, sends it on writes only, and forgets it on 401', async () => {
    let unauthenticated = 0;
    const { seen, fetch } = fakeApi({
      'POST /api/auth/sign-in': () => json({ role: 'DRIVER', csrfToken: 'csrf-1' }),
      'POST /api/driver/request/submit': () =>
        json(
          {
            statusCode: 401,
            code: 'UNAUTHENTICATED',
            message: 'Vous devez vous connecter pour continuer.',
          },
          401,
        ),
      'GET /api/driver/request': () => json({ id: 'r' }),
      'GET /api/me': () =>
        json({ role: 'DRIVER', csrfToken: 'csrf-2', firstName: 'A', lastName: 'B' }),
    });
    const { api, session } = createApiClient({
      baseUrl: 'http://api.test',
      fetch,
      onUnauthenticated: () => (unauthenticated += 1),
    });

    await ok(api.POST('/api/auth/sign-in', { body: { token: 'link' } }));
    expect(seen[0]?.headers.get('x-csrf-token')).toBeNull();
    await ok(api.GET('/api/driver/request'));
    expect(seen[1]?.headers.get('x-csrf-token')).toBeNull();

    const refused = await ok(api.POST('/api/driver/request/submit')).catch(
      (error: unknown) => error,
    );
    expect(seen[2]?.headers.get('x-csrf-token')).toBe('csrf-1');
    expect(refused).toBeInstanceOf(ApiCallError);
    expect((refused as ApiCallError).status).toBe(401);
    expect(unauthenticated).toBe(1);

    // Forgotten: the next write asks GET /api/me for the session's token first.
    expect(await session.token()).toBe('csrf-2');
    expect(seen.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'POST /api/auth/sign-in',
      'GET /api/driver/request',
      'POST /api/driver/request/submit',
      'GET /api/me',
    ]);
  });

  it('turns a network failure into an ApiCallError of status 0', async () => {
    const { api } = createApiClient({
      baseUrl: 'http://api.test',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    await expect(ok(api.GET('/api/site'))).rejects.toMatchObject({ status: 0 });
  });
});
