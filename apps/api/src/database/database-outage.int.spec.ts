import { CSRF_HEADER, CURRENT_TERMS_VERSION } from '@t3p/contracts';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { linkIn } from '../auth/auth-test-kit';
import { startBuiltApi, type BuiltApi } from '../testing/built-api';
import { describeWithPostgres } from '../testing/describe-with-postgres';
import { createPostgresDatabase } from '../testing/postgres';
import { startTcpProxy } from '../testing/tcp-proxy';

const ROOT = resolve(__dirname, '../../../..');
/** The test gives up on an answer after this long (the issue saw over 30 s). */
const PATIENCE_MS = 20_000;
/** "Within a few seconds": the defaults bound a wait at 6 s (5 s statement timeout and 1 s grace). */
const FEW_SECONDS_MS = 9_000;

interface Probe {
  name: string;
  status: number | 'no answer';
  ms: number;
  body: Record<string, unknown>;
}

/**
 * The built API on PostgreSQL through a TCP proxy (the machine's server is never touched). The
 * proxy black-holes the traffic (a database that accepts connections but no longer answers), then
 * refuses connections: every endpoint that needs the database answers 503 DATABASE_UNAVAILABLE in
 * the API's error format within seconds, and the service recovers by itself.
 */
describeWithPostgres(
  'requests while PostgreSQL does not answer (built API behind a TCP proxy)',
  () => {
    let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
    let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
    let api: BuiltApi;
    let direct: Client;
    let session: { cookie: string; csrf: string };
    let reference: string;

    beforeAll(async () => {
      database = await createPostgresDatabase('t3p_outage');
      const real = new URL(database.url);
      proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
      const viaProxy = new URL(database.url);
      viaProxy.hostname = '127.0.0.1';
      viaProxy.port = String(proxy.port);
      api = await startBuiltApi({
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        DATABASE_URL: viaProxy.toString(),
        STATIC_DIR: resolve(ROOT, 'dist/apps'),
        DEMO_DATA: 'true',
        SIGN_IN_LINKS_PER_HOUR: '100',
        // The probes ask a link for the same driver at every round: no spacing between them.
        SIGN_IN_LINK_SPACING_MINUTES: '0',
        // The workers run too: their failures during the outage must not take the process down.
        OUTBOX_POLL_SECONDS: '1',
        SCHEDULER_TICK_SECONDS: '2',
      });
      direct = new Client({ connectionString: database.url });
      await direct.connect();
      const [driver] = (
        await direct.query<{ reference: string; email: string }>(
          `SELECT r.access_ref AS reference, d.email FROM image_request r JOIN card_application a ON a.id = r.application_id
           JOIN driver d ON d.id = a.driver_id WHERE d.email = 'olivier.dupont@demo.t3p.example'`,
        )
      ).rows;
      reference = driver.reference;
      expect((await post('/api/auth/driver/sign-in-links', { reference })).status).toBe(202);
      const [email] = (
        await direct.query<{ text: string }>(
          `SELECT text FROM outbox_email WHERE to_address = $1 AND kind = 'SIGN_IN_LINK'`,
          [driver.email],
        )
      ).rows;
      const signedIn = await post('/api/auth/sign-in', { token: linkIn(email.text).token });
      expect(signedIn.status).toBe(200);
      session = {
        cookie: (signedIn.headers.get('set-cookie') ?? '').split(';')[0],
        csrf: ((await signedIn.json()) as { csrfToken: string }).csrfToken,
      };
    }, 180_000);

    afterAll(async () => {
      await api?.stop();
      await direct?.end().catch(() => undefined);
      await proxy?.close();
      await database?.drop();
    }, 60_000);

    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${api.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(PATIENCE_MS),
      });

    /** One call of each kind, all at once: public write, signed-in reads, a signed-in write, the dev mailbox, health. */
    async function probeAll(): Promise<Probe[]> {
      const signedIn = { cookie: session.cookie };
      const calls: [string, () => Promise<Response>][] = [
        ['sign-in link (write)', () => post('/api/auth/driver/sign-in-links', { reference })],
        [
          'me (session read)',
          () =>
            fetch(`${api.url}/api/me`, {
              headers: signedIn,
              signal: AbortSignal.timeout(PATIENCE_MS),
            }),
        ],
        [
          'driver request (read)',
          () =>
            fetch(`${api.url}/api/driver/request`, {
              headers: signedIn,
              signal: AbortSignal.timeout(PATIENCE_MS),
            }),
        ],
        [
          'terms (write)',
          () =>
            post(
              '/api/driver/request/terms',
              { termsVersion: CURRENT_TERMS_VERSION },
              { ...signedIn, [CSRF_HEADER]: session.csrf },
            ),
        ],
        [
          'dev mailbox (read)',
          () => fetch(`${api.url}/api/dev/mailbox`, { signal: AbortSignal.timeout(PATIENCE_MS) }),
        ],
        [
          'health',
          () => fetch(`${api.url}/api/health`, { signal: AbortSignal.timeout(PATIENCE_MS) }),
        ],
      ];
      return Promise.all(
        calls.map(async ([name, call]): Promise<Probe> => {
          const started = performance.now();
          try {
            const response = await call();
            const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
            return {
              name,
              status: response.status,
              ms: Math.round(performance.now() - started),
              body,
            };
          } catch {
            return {
              name,
              status: 'no answer',
              ms: Math.round(performance.now() - started),
              body: {},
            };
          }
        }),
      );
    }

    const expectUnavailable = (probes: Probe[]) => {
      for (const probe of probes) {
        expect({ name: probe.name, status: probe.status }).toEqual({
          name: probe.name,
          status: 503,
        });
        expect(probe.ms).toBeLessThan(FEW_SECONDS_MS);
        expect(probe.body).toEqual({
          statusCode: 503,
          code: probe.name === 'health' ? 'SERVICE_UNAVAILABLE' : 'DATABASE_UNAVAILABLE',
          message: expect.stringMatching(/momentanément indisponible/),
          requestId: expect.any(String),
        });
      }
    };

    /** Recovers by itself: no restart, only time. */
    async function expectRecovered(): Promise<void> {
      const deadline = Date.now() + 30_000;
      let probes = await probeAll();
      while (probes.some((probe) => probe.status === 503) && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 500));
        probes = await probeAll();
      }
      expect(probes.map((probe) => [probe.name, probe.status])).toEqual([
        ['sign-in link (write)', 202],
        ['me (session read)', 200],
        ['driver request (read)', 200],
        ['terms (write)', 204],
        ['dev mailbox (read)', 200],
        ['health', 200],
      ]);
    }

    it('answers every endpoint normally before the outage', async () => {
      await expectRecovered();
    }, 60_000);

    it('answers 503 DATABASE_UNAVAILABLE within seconds while the database accepts connections but does not answer, then recovers', async () => {
      await proxy.set('black-hole');
      try {
        // First on the pooled connections, then on new ones (the silent ones were closed).
        expectUnavailable(await probeAll());
        expectUnavailable(await probeAll());
      } finally {
        await proxy.set('forward');
      }
      await expectRecovered();
      expect(api.child.exitCode).toBeNull();
    }, 120_000);

    it('answers 503 DATABASE_UNAVAILABLE, not 500, while connections are refused, then recovers', async () => {
      await proxy.set('refuse');
      try {
        expectUnavailable(await probeAll());
      } finally {
        await proxy.set('forward');
      }
      await expectRecovered();
      expect(api.child.exitCode).toBeNull();
    }, 120_000);
  },
);
