import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../testing/test-app';

const dist = join(__dirname, '../../../../dist/apps');
const built = ['chauffeur', 'prefecture'].every((app) =>
  existsSync(join(dist, app, 'browser', 'index.html')),
);

/** `npm test` builds the fronts before the tests; a missing build is a failure under CI. */
const describeBuilt = built || process.env['CI'] === 'true' ? describe : describe.skip;

describeBuilt('both fronts on the API origin', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp({ STATIC_DIR: dist });
  });
  afterAll(() => test.close());

  const get = (path: string) => fetch(`${test.url}${path}`, { redirect: 'manual' });

  it('serves the driver portal at /', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).not.toContain('base href="/prefecture/"');
  });

  it('serves the back-office at /prefecture/', async () => {
    const response = await get('/prefecture/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<base href="/prefecture/"');
  });

  it('redirects /prefecture to /prefecture/', async () => {
    const response = await get('/prefecture');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/prefecture/');
  });

  it('answers deep links of each front with its index.html, never cached', async () => {
    const portal = await get('/faq');
    expect(portal.status).toBe(200);
    expect(portal.headers.get('cache-control')).toBe('no-cache');
    expect(await portal.text()).not.toContain('base href="/prefecture/"');
    const backOffice = await get('/prefecture/demandes/42');
    expect(await backOffice.text()).toContain('<base href="/prefecture/"');
  });

  it('serves the built bundles and the DSFR styles', async () => {
    const html = await (await get('/')).text();
    const script = /src="(main-[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const bundle = await get(`/${script}`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect((await get('/dsfr/dsfr.min.css')).status).toBe(200);
  });

  it('announces the wizard’s start-up reads in the answer of a wizard page, for a visitor with a session cookie', async () => {
    const withCookie = {
      headers: { cookie: 't3p_session=any-value' },
      redirect: 'manual' as const,
    };
    const wizard = await fetch(`${test.url}/demande/photo`, withCookie);
    expect(wizard.status).toBe(200);
    expect(wizard.headers.get('link')).toBe(
      '</api/me>; rel=preload; as=fetch; crossorigin, </api/driver/application>; rel=preload; as=fetch; crossorigin, ' +
        '</api/driver/request>; rel=preload; as=fetch; crossorigin',
    );
    expect((await fetch(`${test.url}/demande`, withCookie)).headers.get('link')).toContain(
      '</api/me>',
    );
    expect((await get('/demande/photo')).headers.get('link')).toBeNull();
    expect((await fetch(`${test.url}/faq`, withCookie)).headers.get('link')).toBeNull();
    expect(
      (await fetch(`${test.url}/demandes-anciennes`, withCookie)).headers.get('link'),
    ).toBeNull();
    expect(
      (await fetch(`${test.url}/prefecture/demandes/42`, withCookie)).headers.get('link'),
    ).toBeNull();
  });

  it('keeps unknown API paths in the JSON error format', async () => {
    const response = await get('/api/unknown');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
