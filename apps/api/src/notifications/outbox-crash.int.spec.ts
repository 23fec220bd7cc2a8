import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { startBuiltApi, type BuiltApi } from '../testing/built-api';
import { describeWithPostgres } from '../testing/describe-with-postgres';
import { createPostgresDatabase } from '../testing/postgres';

const ROOT = resolve(__dirname, '../../../..');
const EMAILS = 5;
const LEASE_SECONDS = 5;

interface Received {
  messageId: string;
  emailId: string;
  at: number;
}

/**
 * An SMTP server that records every message and, while `holding` is set, does not answer the
 * DATA of the next message: its sender stays "in flight" until it dies.
 */
async function holdingSmtp() {
  const received: Received[] = [];
  const state = { holding: false, held: undefined as undefined | (() => void) };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 200,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const head = Buffer.concat(chunks)
          .toString('utf8')
          .split('\r\n\r\n')[0]
          .replace(/\r\n[ \t]+/g, ' ');
        const header = (name: string) =>
          new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
        received.push({
          messageId: header('Message-ID'),
          emailId: header('X-T3P-Email-Id'),
          at: Date.now(),
        });
        if (state.holding) {
          state.holding = false;
          state.held = () => callback();
          return;
        }
        callback();
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

const until = async (
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
};

/**
 * Two processes of the built bundle share one outbox. The first claims a batch and stalls on the
 * SMTP server: alive, it keeps its claim past the lease (renewed); killed with SIGKILL, the second
 * sends its emails once the lease is over, the one in flight again with the same Message-ID.
 */
describeWithPostgres(
  'outbox delivery when an instance crashes mid-batch (two built processes, kill -9)',
  () => {
    let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
    let smtp: Awaited<ReturnType<typeof holdingSmtp>>;
    let client: Client;
    const running: BuiltApi[] = [];

    beforeAll(async () => {
      database = await createPostgresDatabase('t3p_outbox_crash');
      smtp = await holdingSmtp();
      client = new Client({ connectionString: database.url });
    }, 60_000);

    afterAll(async () => {
      smtp?.state.held?.();
      await Promise.all(running.map((api) => api.stop()));
      await client?.end().catch(() => undefined);
      await smtp?.close();
      await database?.drop();
    }, 60_000);

    it('a live worker keeps its claim; a killed one’s emails go out after the lease, the one in flight with the same Message-ID', async () => {
      const environment = {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
        SMTP_URL: smtp.url,
        STATIC_DIR: resolve(ROOT, 'dist/apps'),
        OUTBOX_POLL_SECONDS: '1',
        OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS),
        // The timed jobs stay idle: only the outbox worker matters here.
        SCHEDULER_TICK_SECONDS: '3600',
      };
      const first = await startBuiltApi({ ...environment, MIGRATIONS_RUN: 'true' });
      running.push(first);
      await client.connect();

      smtp.state.holding = true;
      const ids = Array.from({ length: EMAILS }, () => randomUUID());
      // All due at once, in one statement: one tick claims the whole batch.
      await client.query(
        `INSERT INTO outbox_email (id, kind, dedupe_key, to_address, subject, html, text, state, attempts, next_attempt_at, created_at)
       SELECT id, 'SIGN_IN_LINK', id || ':SIGN_IN_LINK', 'crash.' || n || '@test.t3p.example', 'Votre lien de connexion',
              '<p>Lien</p>', 'Lien', 'PENDING', 0, now(), now()
         FROM unnest($1::varchar[]) WITH ORDINALITY AS t(id, n)`,
        [ids],
      );
      // The first process claims the whole batch and stalls on its first email.
      await until(
        () => smtp.received.length === 1,
        20_000,
        'the first email to reach the SMTP server',
      );
      const inFlight = smtp.received[0];
      const claims = async () =>
        (
          await client.query<{ claimed_by: string | null; state: string }>(
            'SELECT claimed_by, state FROM outbox_email',
          )
        ).rows;
      expect(new Set((await claims()).map((row) => `${row.state}:${row.claimed_by}`)).size).toBe(1);

      // A second process, alive alongside: for twice the lease, it must not take the live worker's rows.
      const second = await startBuiltApi({ ...environment, MIGRATIONS_RUN: 'false' });
      running.push(second);
      await new Promise((done) => setTimeout(done, 2 * LEASE_SECONDS * 1000));
      expect(smtp.received).toHaveLength(1);
      const held = await claims();
      expect(
        held.every((row) => row.state === 'SENDING' && row.claimed_by === held[0].claimed_by),
      ).toBe(true);
      const { rows: leases } = await client.query<{ ahead: number }>(
        `SELECT EXTRACT(EPOCH FROM (next_attempt_at - now()))::float AS ahead FROM outbox_email`,
      );
      for (const lease of leases) expect(lease.ahead).toBeGreaterThan(0);

      // kill -9 of the first process while its email is in flight.
      const exited = new Promise((done) => first.child.once('exit', done));
      first.child.kill('SIGKILL');
      await exited;
      const killedAt = Date.now();
      running.splice(running.indexOf(first), 1);

      await until(
        async () =>
          (await client.query(`SELECT count(*)::int AS n FROM outbox_email WHERE state = 'SENT'`))
            .rows[0].n === EMAILS,
        60_000,
        'the survivor to send every email',
      );
      const takeoverSeconds =
        (Math.max(...smtp.received.slice(1).map((message) => message.at)) - killedAt) / 1000;
      // After the lease (5 s here, 30 s by default) and a poll, not after the former 2 minutes.
      expect(takeoverSeconds).toBeLessThan(LEASE_SECONDS + 10);

      const perEmail = new Map<string, Received[]>();
      for (const message of smtp.received)
        perEmail.set(message.emailId, [...(perEmail.get(message.emailId) ?? []), message]);
      expect([...perEmail.keys()].sort()).toEqual([...ids].sort());
      // Only the email in flight at the crash arrives twice, recognisable by its Message-ID.
      for (const [emailId, copies] of perEmail) {
        expect(copies.map((copy) => copy.messageId)).toEqual(
          Array(emailId === inFlight.emailId ? 2 : 1).fill(
            `<outbox-${emailId}@cartes-t3p.example>`,
          ),
        );
      }
      expect(smtp.received).toHaveLength(EMAILS + 1);
    }, 180_000);
  },
);
