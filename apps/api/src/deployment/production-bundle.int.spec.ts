import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { Client } from 'pg';
import { linkIn, startSmtpServer } from '../auth/auth-test-kit';
import { API_BUNDLE, startBuiltApi, type BuiltApi } from '../testing/built-api';
import { describeWithPostgres } from '../testing/describe-with-postgres';
import { createPostgresDatabase } from '../testing/postgres';

const ROOT = resolve(__dirname, '../../../..');
const DRIVER_EMAIL = 'prod.chauffeur@test.t3p.example';
const REFERENCE = randomBytes(24).toString('base64url');

/**
 * The built bundle as an operator runs it: NODE_ENV=production, its required settings (one
 * AUTH_SECRET shared by the instances, PUBLIC_URL, PostgreSQL, SMTP), no other. A link issued by
 * one process signs the driver in on another, and a link survives a restart.
 */
describeWithPostgres('the built API in production mode, two processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const running: BuiltApi[] = [];
  let environment: NodeJS.ProcessEnv;

  const start = async (migrate: boolean) => {
    const api = await startBuiltApi({ ...environment, MIGRATIONS_RUN: String(migrate) });
    running.push(api);
    return api;
  };

  beforeAll(async () => {
    database = await createPostgresDatabase('t3p_production');
    smtp = await startSmtpServer();
    // Only what an operator sets (see docker/docker-compose.yml); PUBLIC_URL is set by startBuiltApi.
    environment = {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      AUTH_SECRET: randomBytes(48).toString('base64'),
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      STATIC_DIR: resolve(ROOT, 'dist/apps'),
      OUTBOX_POLL_SECONDS: '1',
      LOG_LEVEL: 'warn',
    };
  }, 60_000);

  afterAll(async () => {
    await Promise.all(running.map((api) => api.stop()));
    await smtp?.close();
    await database?.drop();
  }, 60_000);

  /** A driver with a pending request, as the préfecture's import writes them. */
  async function insertDriver() {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO prefecture (id, departement, name) VALUES ('00000000-0000-4000-8000-000000000069', '69', 'Préfecture du Rhône')`,
      );
      await client.query(
        `INSERT INTO driver (id, driver_identifier, civility, last_name, first_name, email, address_line1, postal_code, city)
         VALUES ('00000000-0000-4000-8000-0000000000d1', '692025000001', 'MME', 'Prod', 'Lina', $1, '1 quai Perrache', '69002', 'Lyon')`,
        [DRIVER_EMAIL],
      );
      await client.query(
        `INSERT INTO card_application (id, driver_id, prefecture_id, card_type, card_number, state)
         VALUES ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-000000000069',
                 'VTC', '69202500000101', 'AWAITING_IMAGES')`,
      );
      await client.query(
        `INSERT INTO image_request (id, application_id, prefecture_id, card_type, access_ref, photo_requested, signature_requested,
                                    reason_code, reason_text, state, created_at)
         VALUES ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000069',
                 'VTC', $1, true, true, 'IMAGES_MISSING', 'Les images jointes à la demande de carte sont absentes.', 'PENDING', now())`,
        [REFERENCE],
      );
    } finally {
      await client.end();
    }
  }

  /** Asks `api` for a link, as the portal does, and reads it in the email the SMTP server received. */
  async function linkFrom(api: BuiltApi): Promise<{ token: string; link: string }> {
    const before = smtp.messages.length;
    const asked = await fetch(`${api.url}/api/auth/driver/sign-in-links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reference: REFERENCE }),
    });
    expect(asked.status).toBe(202);
    const deadline = Date.now() + 30_000;
    let email: ParsedMail | undefined;
    while (!email && Date.now() < deadline) {
      email = smtp.messages
        .slice(before)
        .find((message) => message.to && JSON.stringify(message.to).includes(DRIVER_EMAIL));
      if (!email) await new Promise((done) => setTimeout(done, 200));
    }
    if (!email) throw new Error('No sign-in email received');
    return linkIn(email.text ?? '');
  }

  /** Signs in on `api` with the token; returns the session cookie, checked on `api`. */
  async function signIn(api: BuiltApi, token: string): Promise<string> {
    const response = await fetch(`${api.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect({ status: response.status, body: await response.json() }).toMatchObject({
      status: 200,
      body: { role: 'DRIVER' },
    });
    const setCookie = response.headers.get('set-cookie') ?? '';
    // PUBLIC_URL is http://127.0.0.1:…: a Secure cookie would never come back from a browser.
    expect(setCookie).toMatch(/^t3p_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).not.toMatch(/Secure/i);
    return setCookie.split(';')[0];
  }

  it('refuses to start without the settings production cannot do without, naming each, never echoing the secret', () => {
    const secret = randomBytes(48).toString('base64');
    const result = spawnSync(process.execPath, [API_BUNDLE], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'production',
        AUTH_SECRET: secret,
        DATABASE_URL: database.url,
      },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Configuration invalide/);
    expect(result.stderr).toContain('PUBLIC_URL=');
    expect(result.stderr).not.toContain('AUTH_SECRET');
    expect(result.stderr).not.toContain(secret);
  }, 60_000);

  it('starts, answers /api/health, and signs a driver in with a link issued by the other process', async () => {
    const first = await start(true);
    await insertDriver();
    const second = await start(false);
    for (const api of [first, second]) {
      const health = await fetch(`${api.url}/api/health`);
      expect({ status: health.status, body: await health.json() }).toMatchObject({
        status: 200,
        body: { status: 'ok' },
      });
      // Production mode: no development mailbox.
      expect((await fetch(`${api.url}/api/dev/mailbox`)).status).toBe(404);
    }

    const issued = await linkFrom(first);
    expect(issued.link.startsWith(`${first.url}/connexion/lien/`)).toBe(true);
    const cookie = await signIn(second, issued.token);
    // The session lives in the database: both processes know it.
    for (const api of [second, first]) {
      const me = await fetch(`${api.url}/api/me`, { headers: { cookie } });
      expect({ status: me.status, body: await me.json() }).toMatchObject({
        status: 200,
        body: { role: 'DRIVER' },
      });
    }
  }, 120_000);

  it('signs a driver in with a link issued before a restart of the process', async () => {
    const before = running[running.length - 1];
    const issued = await linkFrom(before);
    await before.stop();
    running.splice(running.indexOf(before), 1);
    const after = await start(false);
    const cookie = await signIn(after, issued.token);
    expect((await fetch(`${after.url}/api/me`, { headers: { cookie } })).status).toBe(200);
  }, 120_000);

  it('starts without SMTP_URL, warns, and keeps every email in the outbox, unsent', async () => {
    await Promise.all(running.splice(0).map((api) => api.stop()));
    const logged: string[] = [];
    const noSmtp = {
      ...environment,
      SMTP_URL: '',
      MIGRATIONS_RUN: 'false',
      SIGN_IN_LINK_SPACING_MINUTES: '0',
    };
    const api = await startBuiltApi(noSmtp, { onLogLine: (line) => logged.push(line) });
    running.push(api);
    expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
    const received = smtp.messages.length;
    const asked = await fetch(`${api.url}/api/auth/driver/sign-in-links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reference: REFERENCE }),
    });
    expect(asked.status).toBe(202);
    await new Promise((done) => setTimeout(done, 3500)); // three and a half outbox periods
    expect(smtp.messages.length).toBe(received);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_email WHERE state = 'PENDING' AND to_address = $1`,
        [DRIVER_EMAIL],
      );
      expect(rows[0].n).toBeGreaterThanOrEqual(1);
    } finally {
      await client.end();
    }
    expect(logged.join('\n')).toContain('SMTP_URL is not set');
  }, 120_000);
});
