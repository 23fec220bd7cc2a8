import { resolve } from 'node:path';
import { Client } from 'pg';
import { restartableSmtp } from '../requests/lifecycle-test-kit';
import { createPostgresDatabase, postgresAvailable, usesPostgres } from '../testing/postgres';
import { startBuiltApi, type BuiltApi } from '../testing/built-api';

const DUE = 2_000;
const ROOT = resolve(__dirname, '../../../..');

interface Instance {
  api: BuiltApi;
  /** The JSON log lines of the process (pino), parsed. */
  logs: Record<string, unknown>[];
}

/** One API process of the built bundle, its logs collected. */
async function startInstance(environment: Record<string, string>): Promise<Instance> {
  const logs: Record<string, unknown>[] = [];
  const api = await startBuiltApi(
    { PATH: process.env['PATH'] ?? '', ...environment },
    { onLogLine: (line) => line.startsWith('{') && logs.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { api, logs };
}

const remindedBy = (instance: Instance) =>
  instance.logs.filter((line) => line['msg'] === 'Lifecycle tick').reduce((sum, line) => sum + Number(line['reminded'] ?? 0), 0);

/**
 * Two API processes (the built bundle, each with its scheduler ticking every second and its
 * outbox worker) on one PostgreSQL database and one SMTP server: 2,000 requests fall due at
 * once, and the SMTP server receives exactly 2,000 reminders, none twice.
 */
describe('scheduler in two API processes sharing one PostgreSQL', () => {
  let run = false;
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let smtp: Awaited<ReturnType<typeof restartableSmtp>>;
  const instances: Instance[] = [];

  beforeAll(async () => {
    // Heavy (2,000 emails through SMTP): run once, in the SQLite pass, which reaches the server too.
    run = !usesPostgres() && (await postgresAvailable());
    if (!run) return;
    database = await createPostgresDatabase('t3p_processes');
    smtp = await restartableSmtp({ parse: false });
    const environment = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      STATIC_DIR: resolve(ROOT, 'dist/apps'),
      SCHEDULER_ENABLED: 'true',
      SCHEDULER_TICK_SECONDS: '1',
      // Small batches, so that the two processes' ticks take turns on the same backlog.
      SCHEDULER_BATCH_SIZE: '50',
      OUTBOX_POLL_SECONDS: '1',
    };
    // The first process migrates the empty database; the second starts on the migrated schema.
    instances.push(await startInstance({ ...environment, MIGRATIONS_RUN: 'true' }));
    instances.push(await startInstance({ ...environment, MIGRATIONS_RUN: 'false' }));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.api.stop()));
    await smtp?.stop();
    await database?.drop();
  }, 60_000);

  it('sends exactly 2,000 reminders, none twice', async () => {
    if (!run) return;
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      // All due at once, in one transaction: both schedulers find the same backlog.
      await client.query('BEGIN');
      await client.query(`INSERT INTO prefecture (id, departement, name) VALUES ('00000000-0000-4000-8000-000000000059', '59', 'Préfecture du Nord')`);
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

      const reminders = () => smtp.messages.filter((message) => /^Rappel/.test(message.subject ?? ''));
      const deadline = Date.now() + 240_000;
      while (reminders().length < DUE && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
      // A few more ticks of both processes: a duplicate would arrive now.
      await new Promise((r) => setTimeout(r, 3_000));

      const received = reminders();
      expect(received).toHaveLength(DUE);
      expect(new Set(received.map((message) => JSON.stringify(message.to))).size).toBe(DUE);
      expect(new Set(received.map((message) => message.headers.get('x-t3p-email-id'))).size).toBe(DUE);
      // Each process reports what its own ticks moved: together, every request once.
      expect(instances.map((instance) => instance.api.child.pid)).toEqual([expect.any(Number), expect.any(Number)]);
      expect(instances[0].api.child.pid).not.toBe(instances[1].api.child.pid);
      expect(remindedBy(instances[0]) + remindedBy(instances[1])).toBe(DUE);
      const { rows } = await client.query<{ state: string; n: number }>(
        `SELECT state, count(*)::int AS n FROM outbox_email WHERE kind = 'REMINDER' GROUP BY state`,
      );
      expect(rows).toEqual([{ state: 'SENT', n: DUE }]);
      const [{ n: audited }] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'REMINDER_SENT'`)).rows;
      expect(audited).toBe(DUE);
    } finally {
      await client.end();
    }
  }, 300_000);
});
