import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../testing/test-app';
import {
  deliverDue,
  DemoDriverRow,
  json,
  latestLinkFor,
  linkIn,
  seedDemo,
  signInWithToken,
  startSmtpServer,
} from './auth-test-kit';

describe('magic-link sign-in (real API, real database, real SMTP server)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let test: TestApp;
  let dupont: DemoDriverRow;
  let martin: DemoDriverRow;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // No spacing of the links here: this suite is about the links themselves (the rate limits have their own).
    test = await startTestApp({
      SMTP_URL: smtp.url,
      SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000',
      SIGN_IN_LINK_SPACING_MINUTES: '0',
    });
    const demo = await seedDemo(test);
    dupont = demo.driver('olivier.dupont@demo.t3p.example');
    martin = demo.driver('nadia.martin@demo.t3p.example');
  });
  afterAll(async () => {
    await test.close();
    await smtp.close();
  });

  const sendDriverLink = (reference: string) =>
    fetch(`${test.url}/api/auth/driver/sign-in-links`, json({ reference }));
  const me = (cookie?: string) =>
    fetch(`${test.url}/api/me`, { headers: cookie ? { cookie } : {} });

  it('sends no link for a validated or cancelled application, and says it is closed and what to do', async () => {
    const demo = await seedDemo(test);
    for (const [email, closed, words] of [
      ['elodie.roux@demo.t3p.example', 'VALIDATED', 'déjà validée'],
      ['antoine.girard@demo.t3p.example', 'CANCELLED', 'adressez-vous à votre préfecture'],
    ] as const) {
      const response = await sendDriverLink(demo.driver(email).reference);
      expect(response.status).toBe(202);
      expect(await response.json()).toEqual({
        sentTo: null,
        validityMinutes: 30,
        closed,
        message: expect.stringContaining(words),
      });
    }
    const links = await test.app
      .get(DataSource)
      .query(`SELECT COUNT(*) AS n FROM outbox_email WHERE kind = 'SIGN_IN_LINK'`);
    expect(Number(links[0].n)).toBe(0);
  });

  it('signs a driver in end to end, with the email read from the SMTP server', async () => {
    const response = await sendDriverLink(dupont.reference);
    expect(response.status).toBe(202);
    const answer = await response.json();
    expect(answer).toEqual({
      sentTo: 'o******t@d***.example',
      validityMinutes: 30,
      message: expect.stringContaining('o******t@d***.example'),
    });

    expect(await deliverDue(test)).toMatchObject({ sent: 1 });
    const mail = smtp.messages.find(
      (message) => message.to && JSON.stringify(message.to).includes(dupont.email),
    );
    expect(mail).toBeDefined();
    expect(mail?.subject).toBe(
      'Votre lien de connexion au portail des images pour votre carte VTC',
    );
    expect(mail?.text).toContain('30 minutes');
    expect(mail?.html).toContain('30 minutes');
    const { link, token } = linkIn(mail?.text ?? '');
    expect(link.startsWith(`${test.url}/connexion/lien/`)).toBe(true);
    expect(link).toContain(`ref=${dupont.reference}`);
    // The JWT carries a random id only: no request, no address, no name.
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(Object.keys(claims).sort()).toEqual(['code', 'destination', 'exp', 'iat', 'tid']);
    expect(JSON.stringify(claims)).not.toContain('dupont');

    const signIn = await fetch(`${test.url}/api/auth/sign-in`, json({ token }));
    expect(signIn.status).toBe(200);
    const result = await signIn.json();
    expect(result).toEqual({
      role: 'DRIVER',
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const setCookie = signIn.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^t3p_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0];

    const who = await me(cookie);
    expect(who.status).toBe(200);
    expect(await who.json()).toEqual({
      role: 'DRIVER',
      firstName: 'Olivier',
      lastName: 'Dupont',
      cardType: 'VTC',
      csrfToken: result.csrfToken,
    });

    const application = await fetch(`${test.url}/api/driver/application`, { headers: { cookie } });
    expect(application.status).toBe(200);
    expect(await application.json()).toMatchObject({
      driver: { lastName: 'Dupont', address: { city: 'Lille' } },
      application: { cardType: 'VTC', prefecture: { departement: '59' } },
      request: {
        state: 'PENDING',
        photoRequested: true,
        signatureRequested: true,
        deadline: expect.any(String),
      },
    });
  });

  it('refuses a link that was already used, and says so', async () => {
    await sendDriverLink(martin.reference);
    const { token } = await latestLinkFor(test, martin.email);
    await signInWithToken(test, token);
    const again = await fetch(`${test.url}/api/auth/sign-in`, json({ token }));
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({
      code: 'LINK_USED',
      message: expect.stringContaining('déjà servi'),
    });
  });

  it('refuses an expired link (time moved past 30 minutes)', async () => {
    await sendDriverLink(martin.reference);
    const { token } = await latestLinkFor(test, martin.email);
    test.clock.advanceMinutes(31);
    try {
      const response = await fetch(`${test.url}/api/auth/sign-in`, json({ token }));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: 'LINK_EXPIRED',
        message: expect.stringContaining('expiré'),
      });
    } finally {
      test.clock.advanceMinutes(60);
    }
  });

  it('voids an older link once a newer one is sent', async () => {
    await sendDriverLink(martin.reference);
    const older = (await latestLinkFor(test, martin.email)).token;
    await sendDriverLink(martin.reference);
    const newer = (await latestLinkFor(test, martin.email)).token;
    expect(newer).not.toBe(older);
    const response = await fetch(`${test.url}/api/auth/sign-in`, json({ token: older }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'LINK_SUPERSEDED' });
    await expect(signInWithToken(test, newer)).resolves.toMatchObject({
      cookie: expect.stringMatching(/^t3p_session=/),
    });
  });

  it('does not sign in on a GET of the link (mail scanners)', async () => {
    await sendDriverLink(martin.reference);
    const { link, token } = await latestLinkFor(test, martin.email);
    const viaGet = await fetch(link, { redirect: 'manual' });
    expect(viaGet.headers.get('set-cookie')).toBeNull();
    const apiGet = await fetch(`${test.url}/api/auth/sign-in?token=${token}`);
    expect(apiGet.status).toBe(404);
    expect(apiGet.headers.get('set-cookie')).toBeNull();
    // Still usable afterwards: nothing was consumed.
    await expect(signInWithToken(test, token)).resolves.toBeDefined();
  });

  it('refuses tampered, foreign and empty-payload tokens', async () => {
    await sendDriverLink(martin.reference);
    const { token } = await latestLinkFor(test, martin.email);
    const [header, , signature] = token.split('.');
    const emptyPayload = `${header}.${Buffer.from('{}').toString('base64url')}.${signature}`;
    for (const bad of [`${token}x`, emptyPayload, 'abc', 'a.b.c']) {
      const response = await fetch(`${test.url}/api/auth/sign-in`, json({ token: bad }));
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe('LINK_INVALID');
    }
  });

  it('answers an unknown reference with the same status and shape, in about the same time', async () => {
    const timed = async (reference: string) => {
      const started = Date.now();
      const response = await sendDriverLink(reference);
      return { status: response.status, body: await response.json(), ms: Date.now() - started };
    };
    const known = await timed(dupont.reference);
    const unknown = await timed('ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ');
    expect(unknown.status).toBe(known.status);
    expect(Object.keys(unknown.body).sort()).toEqual(Object.keys(known.body).sort());
    expect(unknown.body.sentTo).toBeNull();
    expect(unknown.body.validityMinutes).toBe(30);
    expect(Math.abs(unknown.ms - known.ms)).toBeLessThan(250);
    expect(unknown.ms).toBeGreaterThanOrEqual(390);
  });

  it('answers agents the same for a known and an unknown address, and signs a known agent in', async () => {
    const known = await fetch(
      `${test.url}/api/auth/agent/sign-in-links`,
      json({ email: 'Agent.Nord@demo.t3p.example' }),
    );
    const unknown = await fetch(
      `${test.url}/api/auth/agent/sign-in-links`,
      json({ email: 'personne@demo.t3p.example' }),
    );
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    const { link, token } = await latestLinkFor(test, 'agent.nord@demo.t3p.example');
    expect(link.startsWith(`${test.url}/prefecture/connexion/lien/`)).toBe(true);
    const session = await signInWithToken(test, token);
    const who = await me(session.cookie);
    expect(await who.json()).toMatchObject({
      role: 'AGENT',
      lastName: 'Lefebvre',
      prefecture: { departement: '59', name: 'Préfecture du Nord' },
    });
  });

  it('gives a new session id at each sign-in and revokes it at sign-out (CSRF token required)', async () => {
    await sendDriverLink(dupont.reference);
    const first = await signInWithToken(test, (await latestLinkFor(test, dupont.email)).token);
    await sendDriverLink(dupont.reference);
    const second = await signInWithToken(test, (await latestLinkFor(test, dupont.email)).token);
    expect(second.cookie).not.toBe(first.cookie);

    const withoutToken = await fetch(`${test.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie: second.cookie },
    });
    expect(withoutToken.status).toBe(403);
    expect(await withoutToken.json()).toMatchObject({ code: 'CSRF_INVALID' });
    const wrongToken = await fetch(`${test.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie: second.cookie, 'x-csrf-token': first.csrfToken },
    });
    expect(wrongToken.status).toBe(403);
    expect((await me(second.cookie)).status).toBe(200);

    const signOut = await fetch(`${test.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie: second.cookie, 'x-csrf-token': second.csrfToken },
    });
    expect(signOut.status).toBe(204);
    expect((await me(second.cookie)).status).toBe(401);
  });

  it('ends a session after the idle time and after the absolute time', async () => {
    await sendDriverLink(dupont.reference);
    const idle = await signInWithToken(test, (await latestLinkFor(test, dupont.email)).token);
    test.clock.advanceMinutes(31);
    expect((await me(idle.cookie)).status).toBe(401);

    await sendDriverLink(dupont.reference);
    const busy = await signInWithToken(test, (await latestLinkFor(test, dupont.email)).token);
    for (let minutes = 0; minutes < 720; minutes += 20) {
      test.clock.advanceMinutes(20);
      const status = (await me(busy.cookie)).status;
      if (minutes + 20 < 720) expect(status).toBe(200);
      else expect(status).toBe(401);
    }
    test.clock.advanceMinutes(120);
  });

  it('stores only hashes of link ids and session ids', async () => {
    const dataSource = test.app.get(DataSource);
    const tokens = await dataSource.query('SELECT token_hash FROM sign_in_token');
    const sessions = await dataSource.query('SELECT token_hash FROM auth_session');
    for (const row of [...tokens, ...sessions]) expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('sign-in rate limits (counted in the database)', () => {
  let test: TestApp;
  let dupont: DemoDriverRow;
  beforeAll(async () => {
    test = await startTestApp({ SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '12' });
    dupont = (await seedDemo(test)).driver('olivier.dupont@demo.t3p.example');
  });
  afterAll(() => test.close());

  it('sends three links at once, then spaced ones, says the last link stays valid and to look in the spam folder, then 8 an hour at most', async () => {
    const send = () =>
      fetch(`${test.url}/api/auth/driver/sign-in-links`, json({ reference: dupont.reference }));
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await send()).status).toBe(202);
    const early = await send();
    expect(early.status).toBe(429);
    expect(Number(early.headers.get('retry-after'))).toBe(60);
    const body = await early.json();
    expect(body).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(body.message).toContain('le dernier reçu reste valable');
    expect(body.message).toContain('courriers indésirables');
    expect(body.message).toContain('dans 1 minute.');
    // The last link sent still signs in.
    const { token } = await latestLinkFor(test, dupont.email);
    expect((await fetch(`${test.url}/api/auth/sign-in`, json({ token }))).status).toBe(200);
    for (const gap of [1, 2, 5, 10, 15]) {
      test.clock.advanceMinutes(gap);
      expect((await send()).status).toBe(202);
    }
    // 8 links in 33 minutes: the ninth waits for the first to leave the hour.
    test.clock.advanceMinutes(15);
    const capped = await send();
    expect(capped.status).toBe(429);
    expect(Number(capped.headers.get('retry-after'))).toBe(12 * 60);
    test.clock.advanceMinutes(13);
    expect((await send()).status).toBe(202);
  });

  it('limits one client address across references and addresses', async () => {
    test.clock.advanceMinutes(120);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 13; attempt += 1) {
      const response = await fetch(
        `${test.url}/api/auth/agent/sign-in-links`,
        json({ email: `personne${attempt}@demo.t3p.example` }),
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(12).fill(202), 429]);
  });

  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    const response = await fetch(`${test.url}/api/auth/agent/sign-in-links`, {
      ...json({ email: 'autre@demo.t3p.example' }),
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
    });
    expect(response.status).toBe(429);
  });
});
