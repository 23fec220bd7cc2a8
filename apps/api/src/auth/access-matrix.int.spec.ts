import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IS_PUBLIC } from '../common/public.decorator';
import { startTestApp, TestApp } from '../testing/test-app';
import { ACCESS_RULE } from './access.decorators';
import { DemoDriverRow, seedDemo, Session, signInAgent, signInDriver } from './auth-test-kit';

type Caller = 'signedOut' | 'driverA' | 'driverB' | 'agentNord' | 'agentPdc';

describe('access matrix (real API, real database)', () => {
  let test: TestApp;
  let driverA: DemoDriverRow;
  let driverB: DemoDriverRow;
  const sessions = {} as Record<Exclude<Caller, 'signedOut'>, Session>;

  beforeAll(async () => {
    test = await startTestApp({ SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000' });
    const demo = await seedDemo(test);
    driverA = demo.driver('olivier.dupont@demo.t3p.example'); // Nord
    driverB = demo.driver('claire.lefevre@demo.t3p.example'); // Pas-de-Calais
    sessions.driverA = await signInDriver(test, driverA);
    sessions.driverB = await signInDriver(test, driverB);
    sessions.agentNord = await signInAgent(test, 'agent.nord@demo.t3p.example');
    sessions.agentPdc = await signInAgent(test, 'agent.pas-de-calais@demo.t3p.example');
  });
  afterAll(() => test.close());

  const call = (caller: Caller, method: string, path: string) => {
    const session = caller === 'signedOut' ? undefined : sessions[caller];
    return fetch(`${test.url}${path}`, {
      method,
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
        ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
      },
      ...(method === 'GET' ? {} : { body: '{}' }),
    });
  };

  const ALL: Caller[] = ['signedOut', 'driverA', 'driverB', 'agentNord', 'agentPdc'];

  it('GET /api/me: anyone signed in, as themself', async () => {
    expect((await call('signedOut', 'GET', '/api/me')).status).toBe(401);
    const expected: Record<Exclude<Caller, 'signedOut'>, object> = {
      driverA: { role: 'DRIVER', lastName: 'Dupont' },
      driverB: { role: 'DRIVER', lastName: 'Lefèvre' },
      agentNord: { role: 'AGENT', prefecture: { departement: '59' } },
      agentPdc: { role: 'AGENT', prefecture: { departement: '62' } },
    };
    for (const [caller, body] of Object.entries(expected)) {
      const response = await call(caller as Caller, 'GET', '/api/me');
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject(body);
    }
  });

  it('GET /api/driver/application: drivers only, each their own', async () => {
    const statuses = await Promise.all(
      ALL.map(async (caller) => (await call(caller, 'GET', '/api/driver/application')).status),
    );
    expect(statuses).toEqual([401, 200, 200, 403, 403]);
    expect(
      (await (await call('driverA', 'GET', '/api/driver/application')).json()).application.id,
    ).toBe(driverA.applicationId);
    expect(
      (await (await call('driverB', 'GET', '/api/driver/application')).json()).application.id,
    ).toBe(driverB.applicationId);
  });

  it('GET /api/agent/applications/:id: agents of the same préfecture only, 404 for another préfecture', async () => {
    const nordApplication = `/api/agent/applications/${driverA.applicationId}`;
    const pdcApplication = `/api/agent/applications/${driverB.applicationId}`;
    const missing = `/api/agent/applications/${randomUUID()}`;
    expect(
      await Promise.all(
        ALL.map(async (caller) => (await call(caller, 'GET', nordApplication)).status),
      ),
    ).toEqual([401, 403, 403, 200, 404]);
    expect(
      await Promise.all(
        ALL.map(async (caller) => (await call(caller, 'GET', pdcApplication)).status),
      ),
    ).toEqual([401, 403, 403, 404, 200]);
    // Another préfecture's application looks exactly like a missing one.
    const foreign = await (await call('agentPdc', 'GET', nordApplication)).json();
    const absent = await (await call('agentPdc', 'GET', missing)).json();
    expect({ ...foreign, requestId: undefined }).toEqual({ ...absent, requestId: undefined });
  });

  it('team management /api/agent/team…: responsables only, and only for their own préfecture’s agents', async () => {
    // agentNord is the Nord's responsable (demo data); agentPdc an agent.
    const statuses = (method: string, path: string) =>
      Promise.all(ALL.map(async (caller) => (await call(caller, method, path)).status));
    expect(await statuses('GET', '/api/agent/team')).toEqual([401, 403, 403, 200, 403]);
    expect(await statuses('GET', '/api/agent/team/activity')).toEqual([401, 403, 403, 200, 403]);
    // An empty body reaches validation (400) for the responsable only.
    expect(await statuses('POST', '/api/agent/team/invitations')).toEqual([
      401, 403, 403, 400, 403,
    ]);
    const [{ id: pdcAgentId }] = await test.app
      .get(DataSource)
      .query(`SELECT id FROM agent WHERE email = 'agent.pas-de-calais@demo.t3p.example'`);
    expect(await statuses('POST', `/api/agent/team/${pdcAgentId}/deactivation`)).toEqual([
      401, 403, 403, 404, 403,
    ]);
    expect(await statuses('POST', `/api/agent/team/${randomUUID()}/deactivation`)).toEqual([
      401, 403, 403, 404, 403,
    ]);
    const team: { email: string }[] = await (
      await call('agentNord', 'GET', '/api/agent/team')
    ).json();
    expect(team.every((member) => member.email.endsWith('.nord@demo.t3p.example'))).toBe(true);
    // The Pas-de-Calais agent is untouched.
    expect((await call('agentPdc', 'GET', '/api/agent/dashboard/overview')).status).toBe(200);
  });

  it('GET /api/agent/dashboard/statistics: agents only, each over their own préfecture', async () => {
    const path = '/api/agent/dashboard/statistics?from=2000-01-01&to=2002-12-31';
    expect(
      await Promise.all(ALL.map(async (caller) => (await call(caller, 'GET', path)).status)),
    ).toEqual([401, 403, 403, 200, 200]);
    // The same period, two préfectures: each agent reads their own rollup (the demo data of each).
    const day = (offsetDays: number) =>
      new Date(test.clock.now().getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const today = `?from=${day(-1000)}&to=${day(1)}`;
    const nord = await (
      await call('agentNord', 'GET', `/api/agent/dashboard/statistics${today}`)
    ).json();
    const pdc = await (
      await call('agentPdc', 'GET', `/api/agent/dashboard/statistics${today}`)
    ).json();
    const nordOverview = await (
      await call('agentNord', 'GET', '/api/agent/dashboard/overview')
    ).json();
    const pdcOverview = await (
      await call('agentPdc', 'GET', '/api/agent/dashboard/overview')
    ).json();
    expect(nord.created.total).toBe(nordOverview.total);
    expect(pdc.created.total).toBe(pdcOverview.total);
    expect(nord.created.total).not.toBe(pdc.created.total);
  });

  it('POST /api/auth/sign-out: anyone signed in, with the CSRF token', async () => {
    expect((await call('signedOut', 'POST', '/api/auth/sign-out')).status).toBe(401);
    const own = await signInDriver(test, driverA);
    const response = await fetch(`${test.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie: own.cookie, 'x-csrf-token': own.csrfToken },
    });
    expect(response.status).toBe(204);
  });

  it('public sign-in endpoints accept JSON only: a cross-site form cannot reach them', async () => {
    for (const path of [
      '/api/auth/driver/sign-in-links',
      '/api/auth/agent/sign-in-links',
      '/api/auth/sign-in',
    ]) {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
        const form = await fetch(`${test.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': type },
          body: 'token=abc',
        });
        expect(form.status).toBe(415);
      }
      const multipart = new FormData();
      multipart.append('token', 'abc');
      multipart.append('reference', 'abc');
      multipart.append('email', 'agent.nord@demo.t3p.example');
      const response = await fetch(`${test.url}${path}`, { method: 'POST', body: multipart });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  it('every registered route declares who may call it', () => {
    const reflector = new Reflector();
    const undeclared: string[] = [];
    let routes = 0;
    for (const module of test.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
        if (!controller?.prototype) continue;
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = controller.prototype[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          routes += 1;
          const targets = [handler, controller];
          const declared =
            reflector.getAllAndOverride(IS_PUBLIC, targets) === true ||
            reflector.getAllAndOverride(ACCESS_RULE, targets) !== undefined;
          if (!declared) {
            const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
            undeclared.push(`${method} ${controller.name}.${name}`);
          }
        }
      }
    }
    expect(routes).toBeGreaterThanOrEqual(8);
    // Add @Public(), @DriverOnly(), @AgentOnly(), @ResponsableOnly() or @SignedIn() (apps/api/src/auth/access.decorators.ts).
    expect(undeclared).toEqual([]);
  });

  it('signed-out callers get 401 on every non-public endpoint', async () => {
    for (const path of [
      '/api/me',
      '/api/driver/application',
      `/api/agent/applications/${randomUUID()}`,
    ]) {
      expect((await call('signedOut', 'GET', path)).status).toBe(401);
    }
  });
});
