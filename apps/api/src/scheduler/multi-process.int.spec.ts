import { resolve } from 'node:path';
import { Client } from 'pg';
import { linkIn } from '../auth/auth-test-kit';
import { restartableSmtp } from '../requests/lifecycle-test-kit';
import { describeWithPostgres } from '../testing/describe-with-postgres';
import { createPostgresDatabase, usesPostgres } from '../testing/postgres';
import { startBuiltApi, type BuiltApi } from '../testing/built-api';

/** One worker sends them one after the other through SMTP (about 12 a second on this machine): 1,000 keeps the test near a minute. */
const DUE = 1_000;
const DRIVER_EMAIL = 'roles.chauffeur@test.t3p.example';
const REFERENCE = 'roles-reference-0123456789abcdef0123';
const ROOT = resolve(__dirname, '../../../..');

interface Instance {
  api: BuiltApi;
  /** The JSON log lines of the process (pino), parsed. */
  logs: Record<string, unknown>[];
}

/** One API process of the built bundle, its logs collected. */
async function startInstance(
  environment: Record<string, string>,
  publicUrl?: string,
): Promise<Instance> {
  const logs: Record<string, unknown>[] = [];
  const api = await startBuiltApi(
    { PATH: process.env['PATH'] ?? '', ...environment },
    {
      publicUrl,
      onLogLine: (line) =>
        line.startsWith('{') && logs.push(JSON.parse(line) as Record<string, unknown>),
    },
  );
  return { api, logs };
}

const total = (instance: Instance, message: string, field: string) =>
  instance.logs
    .filter((line) => line['msg'] === message)
    .reduce((sum, line) => sum + Number(line[field] ?? 0), 0);
const ticks = (instance: Instance) =>
  instance.logs.filter((line) => line['msg'] === 'Lifecycle tick' || line['msg'] === 'Outbox tick');

/**
 * The shape of docker/docker-compose.yml: two `web` processes and one `worker` (the built bundle,
 * all with SCHEDULER_ENABLED=true, ticking every second) on one PostgreSQL database and one SMTP
 * server. 1,000 requests fall due at once: the worker sends exactly 1,000 reminders, none twice;
 * the web processes move and send nothing, and serve the API (a driver signs in through them with
 * a link the worker delivered), while the worker answers /api/health only.
 */
// Heavy (1,000 emails through SMTP): run once, in the SQLite pass, which reaches the server too; reported skipped in the PostgreSQL pass.
const describeOnce = usesPostgres() ? describe.skip : describeWithPostgres;

describeOnce('process roles: two web processes and one worker sharing one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let smtp: Awaited<ReturnType<typeof restartableSmtp>>;
  let web: Instance[] = [];
  let worker: Instance;
  let client: Client;

  beforeAll(async () => {
    database = await createPostgresDatabase('t3p_processes');
    // Headers only for the bulk of reminders; the driver's emails in full, to read the link.
    smtp = await restartableSmtp({ parse: (to) => to.includes(DRIVER_EMAIL) });
    const environment = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      STATIC_DIR: resolve(ROOT, 'dist/apps'),
      // The same on every process: a link issued by one is checked by another.
      AUTH_SECRET: 'roles-secret-'.padEnd(48, 'x'),
      SCHEDULER_ENABLED: 'true',
      SCHEDULER_TICK_SECONDS: '1',
      SCHEDULER_BATCH_SIZE: '50',
      OUTBOX_POLL_SECONDS: '1',
    };
    // The first web process migrates the empty database; the others start on the migrated schema.
    // Every process builds links on one public address (the entry point: here the first web process).
    const first = await startInstance({
      ...environment,
      PROCESS_ROLE: 'web',
      MIGRATIONS_RUN: 'true',
    });
    const second = await startInstance(
      { ...environment, PROCESS_ROLE: 'web', MIGRATIONS_RUN: 'false' },
      first.api.url,
    );
    web = [first, second];
    worker = await startInstance(
      { ...environment, PROCESS_ROLE: 'worker', MIGRATIONS_RUN: 'false' },
      first.api.url,
    );
    client = new Client({ connectionString: database.url });
    await client.connect();
  }, 180_000);

  afterAll(async () => {
    await client?.end();
    await Promise.all([...web, ...(worker ? [worker] : [])].map((instance) => instance.api.stop()));
    await smtp?.stop();
    await database?.drop();
  }, 60_000);

  it('the worker sends exactly 1,000 reminders, none twice; the web processes move and send nothing', async () => {
    // All due at once, in one transaction.
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO prefecture (id, departement, name) VALUES ('00000000-0000-4000-8000-000000000059', '59', 'Préfecture du Nord')`,
    );
    await client.query(
      `INSERT INTO driver (id, driver_identifier, civility, last_name, first_name, email, address_line1, postal_code, city)
       SELECT md5('d' || i)::uuid, '59' || lpad(i::text, 10, '0'), 'M', 'Lot' || i, 'Marc', 'lot.' || i || '@test.t3p.example',
              '2 rue du Port', '59140', 'Dunkerque'
         FROM generate_series(1, $1) i`,
      [DUE],
    );
    await client.query(
      `INSERT INTO card_application (id, driver_id, prefecture_id, card_type, card_number, state)
       SELECT md5('a' || i)::uuid, md5('d' || i)::uuid, '00000000-0000-4000-8000-000000000059', 'TAXI',
              '59' || lpad(i::text, 10, '0') || '01', 'AWAITING_IMAGES'
         FROM generate_series(1, $1) i`,
      [DUE],
    );
    await client.query(
      `INSERT INTO image_request (id, application_id, prefecture_id, card_type, access_ref, photo_requested, signature_requested,
                                  reason_code, reason_text, state, created_at)
       SELECT md5('r' || i)::uuid, md5('a' || i)::uuid, '00000000-0000-4000-8000-000000000059', 'TAXI', md5('x' || i), true, false,
              'PHOTO_BLURRY', 'La photo d’identité est floue.', 'PENDING', now() - interval '20 days'
         FROM generate_series(1, $1) i`,
      [DUE],
    );
    await client.query('COMMIT');

    const reminders = () =>
      smtp.messages.filter((message) => /^Rappel/.test(message.subject ?? ''));
    const deadline = Date.now() + 240_000;
    while (reminders().length < DUE && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 500));
    // A few more ticks of every process: a duplicate would arrive now.
    await new Promise((r) => setTimeout(r, 3_000));

    const received = reminders();
    expect(received).toHaveLength(DUE);
    expect(new Set(received.map((message) => JSON.stringify(message.to))).size).toBe(DUE);
    expect(new Set(received.map((message) => message.headers.get('x-t3p-email-id'))).size).toBe(
      DUE,
    );
    // The worker's ticks moved every request once and sent every email; the web processes ticked never.
    expect(total(worker, 'Lifecycle tick', 'reminded')).toBe(DUE);
    expect(total(worker, 'Outbox tick', 'sent')).toBe(DUE);
    for (const instance of web) expect(ticks(instance)).toEqual([]);
    const { rows } = await client.query<{ state: string; n: number }>(
      `SELECT state, count(*)::int AS n FROM outbox_email WHERE kind = 'REMINDER' GROUP BY state`,
    );
    expect(rows).toEqual([{ state: 'SENT', n: DUE }]);
    const [{ n: audited }] = (
      await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'REMINDER_SENT'`,
      )
    ).rows;
    expect(audited).toBe(DUE);
  }, 300_000);

  it('a driver asks a web process for a link, the worker delivers it, and the driver signs in through the other web process', async () => {
    await client.query(
      `INSERT INTO driver (id, driver_identifier, civility, last_name, first_name, email, address_line1, postal_code, city)
       VALUES ('00000000-0000-4000-8000-0000000000d1', '592025000001', 'MME', 'Roles', 'Lina', $1, '1 quai de la Citadelle', '59140', 'Dunkerque')`,
      [DRIVER_EMAIL],
    );
    await client.query(
      `INSERT INTO card_application (id, driver_id, prefecture_id, card_type, card_number, state)
       VALUES ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-000000000059',
               'VTC', '59202500000101', 'AWAITING_IMAGES')`,
    );
    await client.query(
      `INSERT INTO image_request (id, application_id, prefecture_id, card_type, access_ref, photo_requested, signature_requested,
                                  reason_code, reason_text, state, created_at)
       VALUES ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000059',
               'VTC', $1, true, true, 'IMAGES_MISSING', 'Les images jointes à la demande de carte sont absentes.', 'PENDING', now())`,
      [REFERENCE],
    );
    const ask = (instance: Instance) =>
      fetch(`${instance.api.url}/api/auth/driver/sign-in-links`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reference: REFERENCE }),
      });
    // The worker serves no route but its health.
    expect((await ask(worker)).status).toBe(404);
    const health = await fetch(`${worker.api.url}/api/health`);
    expect({ status: health.status, body: await health.json() }).toMatchObject({
      status: 200,
      body: { status: 'ok' },
    });

    const sentBefore = total(worker, 'Outbox tick', 'sent');
    expect((await ask(web[1])).status).toBe(202);
    const deadline = Date.now() + 30_000;
    let text: string | undefined;
    while (text === undefined && Date.now() < deadline) {
      text = smtp.messages.find((message) =>
        JSON.stringify(message.to).includes(DRIVER_EMAIL),
      )?.text;
      if (text === undefined) await new Promise((done) => setTimeout(done, 200));
    }
    if (text === undefined) throw new Error('No sign-in email received');
    const { token, link } = linkIn(text);
    expect(link.startsWith(`${web[0].api.url}/connexion/lien/`)).toBe(true);
    // The worker logs its tick once the batch is settled, just after the SMTP server has the email.
    while (total(worker, 'Outbox tick', 'sent') === sentBefore && Date.now() < deadline)
      await new Promise((done) => setTimeout(done, 100));
    expect(total(worker, 'Outbox tick', 'sent')).toBe(sentBefore + 1);

    const signedIn = await fetch(`${web[0].api.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect({ status: signedIn.status, body: await signedIn.json() }).toMatchObject({
      status: 200,
      body: { role: 'DRIVER' },
    });
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
    for (const instance of web) {
      const me = await fetch(`${instance.api.url}/api/me`, { headers: { cookie } });
      expect({ status: me.status, body: await me.json() }).toMatchObject({
        status: 200,
        body: { role: 'DRIVER' },
      });
    }
    for (const instance of web) expect(ticks(instance)).toEqual([]);
  }, 120_000);
});
