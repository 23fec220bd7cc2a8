/**
 * One scheduler tick (reminders) over 1,000,000 image requests of which 10,000 are due, on
 * PostgreSQL, against baselines measured in the same run on the same data:
 *   - a bare `SELECT count(*)` of the due rows (served by idx_image_request_due_reminder),
 *   - the bare set-based UPDATE of those rows in raw SQL (rolled back),
 * then the real tick (TimedTransitionsService.remindDue: claim, audit, 10,000 rendered emails
 * into the outbox, batches of --batch rows, 2,000 by default), then an empty tick (the usual case: nothing due).
 *
 *   npm run bench:scheduler [-- --total 1000000 --due 10000] [--write-doc]
 *
 * Creates its own database on the server of PG_TEST_URL / DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) and drops it afterwards. With --write-doc,
 * replaces the "Scheduler tick" section of docs/benchmarks.md.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { Client } from 'pg';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const TOTAL = argument('total', 1_000_000);
const DUE = argument('due', 10_000);
const BATCH = argument('batch', 2000);
const DAY = 86_400_000;

const serverUrl = () => {
  const fromEnv = process.env['DATABASE_URL'];
  if (fromEnv && /^postgres(ql)?:/.test(fromEnv)) return fromEnv;
  return process.env['PG_TEST_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
};

/** Samples the heap every 20 ms while `work` runs; returns its time and the peak heap growth. */
async function measure<T>(work: () => Promise<T>): Promise<{
  result: T;
  ms: number;
  heapPeakMb: number;
  rssPeakMb: number;
  retainedMb: number | null;
}> {
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const rss0 = process.memoryUsage().rss;
  let heapPeak = heap0;
  let rssPeak = rss0;
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    heapPeak = Math.max(heapPeak, usage.heapUsed);
    rssPeak = Math.max(rssPeak, usage.rss);
  }, 20);
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  clearInterval(timer);
  const usage = process.memoryUsage();
  heapPeak = Math.max(heapPeak, usage.heapUsed);
  rssPeak = Math.max(rssPeak, usage.rss);
  let retainedMb: number | null = null;
  if (global.gc) {
    global.gc();
    retainedMb = (process.memoryUsage().heapUsed - heap0) / 1048576;
  }
  return {
    result,
    ms,
    heapPeakMb: (heapPeak - heap0) / 1048576,
    rssPeakMb: (rssPeak - rss0) / 1048576,
    retainedMb,
  };
}

async function main() {
  const server = serverUrl();
  const name = `t3p_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  // Entity column types follow DATABASE_URL when the entity classes load: set it first.
  process.env['DATABASE_URL'] = url.toString();
  const { DataSource } = await import('typeorm');
  const { dataSourceOptions } = await import('../../apps/api/src/database/data-source-options');
  const { loadEnvironment } = await import('../../apps/api/src/config/environment');
  const { ManualClock } = await import('../../apps/api/src/common/clock');
  const { OutboxRepository } = await import('../../apps/api/src/notifications/outbox.repository');
  const { OutboxService } = await import('../../apps/api/src/notifications/outbox.service');
  const { LifecycleEmailsService } =
    await import('../../apps/api/src/notifications/lifecycle-emails.service');
  const { RequestTransitionsRepository } =
    await import('../../apps/api/src/requests/lifecycle/request-transitions.repository');
  const { RequestQueriesRepository } =
    await import('../../apps/api/src/requests/request-queries.repository');
  const { LifecycleService } =
    await import('../../apps/api/src/requests/lifecycle/lifecycle.service');
  const { TimedTransitionsService } =
    await import('../../apps/api/src/requests/lifecycle/timed-transitions.service');
  const { ImagesRepository } = await import('../../apps/api/src/images/images.repository');
  const { ImagesService } = await import('../../apps/api/src/images/images.service');

  const env = loadEnvironment({
    NODE_ENV: 'test',
    DATABASE_URL: url.toString(),
    SCHEDULER_ENABLED: 'false',
    LOG_LEVEL: 'silent',
  });
  const dataSource = new DataSource(
    dataSourceOptions({
      DATABASE_URL: url.toString(),
      SQLITE_PATH: ':unused:',
      MIGRATIONS_RUN: true,
    }),
  );
  try {
    await dataSource.initialize();
    const now = new Date('2026-06-01T06:00:00Z');
    const clock = new ManualClock(now);

    // --- data: TOTAL requests, DUE of them PENDING for 20 days -------------------------------
    const open = Math.min(TOTAL, Math.max(DUE * 30, 300_000));
    const seedStart = performance.now();
    await dataSource.query(
      `INSERT INTO prefecture (id, departement, name) VALUES ('00000000-0000-4000-8000-000000000059', '59', 'Préfecture du Nord')`,
    );
    await dataSource.query(
      `INSERT INTO driver (id, driver_identifier, civility, last_name, first_name, email, address_line1, postal_code, city)
       SELECT md5('d' || i)::uuid, '59' || lpad(i::text, 10, '0'), CASE WHEN i % 2 = 0 THEN 'M' ELSE 'MME' END,
              'Nom' || i, 'Prénom', 'chauffeur' || i || '@bench.example', i || ' rue du Banc', '59000', 'Lille'
         FROM generate_series(1, $1) i`,
      [open],
    );
    await dataSource.query(
      `INSERT INTO card_application (id, driver_id, prefecture_id, card_type, card_number, state)
       SELECT md5('a' || i)::uuid, md5('d' || i)::uuid, '00000000-0000-4000-8000-000000000059',
              (ARRAY['VTC','TAXI','VMDTR'])[1 + i % 3], '59' || lpad(i::text, 10, '0') || '01', 'AWAITING_IMAGES'
         FROM generate_series(1, $1) i`,
      [open],
    );
    // Open requests: the first DUE are PENDING for 20 days (due), the others are PENDING or
    // REMINDED recently (in the partial indexes, not due). Closed ones share the applications.
    await dataSource.query(
      `INSERT INTO image_request (id, application_id, prefecture_id, card_type, access_ref, photo_requested, signature_requested,
                                  reason_code, reason_text, state, created_at, reminded_at)
       SELECT md5('r' || i)::uuid, md5('a' || i)::uuid, '00000000-0000-4000-8000-000000000059', (ARRAY['VTC','TAXI','VMDTR'])[1 + i % 3],
              md5('x' || i), true, i % 2 = 0, 'PHOTO_BLURRY', 'La photo d’identité est floue.',
              CASE WHEN i <= $2 OR i % 3 <> 0 THEN 'PENDING' ELSE 'REMINDED' END,
              CASE WHEN i <= $2 THEN $3::timestamptz - interval '20 days' ELSE $3::timestamptz - (i % 14) * interval '1 day' END,
              CASE WHEN i > $2 AND i % 3 = 0 THEN $3::timestamptz - (i % 20) * interval '1 day' END
         FROM generate_series(1, $1) i`,
      [open, DUE, now],
    );
    await dataSource.query(
      `INSERT INTO image_request (id, application_id, prefecture_id, card_type, access_ref, photo_requested, signature_requested,
                                  reason_code, reason_text, state, created_at, decided_at)
       SELECT md5('c' || i)::uuid, md5('a' || (1 + i % $2))::uuid, '00000000-0000-4000-8000-000000000059', 'VTC',
              md5('y' || i), true, true, 'IMAGES_MISSING', 'Les images jointes sont absentes.',
              (ARRAY['VALIDATED','REJECTED','CANCELLED'])[1 + i % 3], $3::timestamptz - (30 + i % 700) * interval '1 day',
              $3::timestamptz - (29 + i % 700) * interval '1 day'
         FROM generate_series(1, $1) i`,
      [TOTAL - open, open, now],
    );
    await dataSource.query('VACUUM ANALYZE');
    // Flush the seed's dirty pages now, so that no checkpoint triggered by the seed runs during the measurements.
    await dataSource.query('CHECKPOINT');
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const [{ n: total }] = await dataSource.query(`SELECT count(*)::int AS n FROM image_request`);

    const cutoff = new Date(now.getTime() - env.REMINDER_DELAY_DAYS * DAY);
    // --- baselines ----------------------------------------------------------------------------
    const count = await measure(() =>
      dataSource.query(
        `SELECT count(*)::int AS n FROM image_request WHERE state = 'PENDING' AND created_at <= $1`,
        [cutoff],
      ),
    );
    const plan: { 'QUERY PLAN': string }[] = await dataSource.query(
      `EXPLAIN SELECT id FROM image_request WHERE state = 'PENDING' AND created_at <= $1 ORDER BY created_at LIMIT 500 FOR UPDATE SKIP LOCKED`,
      [cutoff],
    );
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const rawUpdate = await measure(() =>
      runner.query(
        `UPDATE image_request SET state = 'REMINDED', reminded_at = $1 WHERE state = 'PENDING' AND created_at <= $2`,
        [now, cutoff],
      ),
    );
    await runner.rollbackTransaction();
    await runner.release();

    // --- the real tick --------------------------------------------------------------------------
    const outbox = new OutboxService(new OutboxRepository(dataSource), clock);
    const transitions = new RequestTransitionsRepository(dataSource);
    const images = new ImagesService(new ImagesRepository(dataSource), clock);
    const lifecycle = new LifecycleService(
      transitions,
      new RequestQueriesRepository(dataSource),
      new LifecycleEmailsService(outbox, env),
      images,
      clock,
      env,
    );
    const timed = new TimedTransitionsService(
      transitions,
      lifecycle,
      new LifecycleEmailsService(outbox, env),
      images,
      outbox,
      clock,
      env,
    );
    const tick = await measure(() => timed.remindDue(BATCH));
    const empty = await measure(() => timed.remindDue(BATCH));
    const [{ n: emails }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_email WHERE kind = 'REMINDER'`,
    );
    const [{ n: audits }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'REMINDER_SENT'`,
    );
    if (tick.result !== DUE || emails !== DUE || audits !== DUE || empty.result !== 0) {
      throw new Error(
        `Unexpected counts: moved ${tick.result}, emails ${emails}, audit ${audits}, second tick ${empty.result}`,
      );
    }

    const fmt = (ms: number) => (ms / 1000).toFixed(3);
    const rows = [
      ['baseline: SELECT count(*) of the due rows (partial index)', count],
      [
        'baseline: bare UPDATE … WHERE state = PENDING AND created_at <= cutoff (raw SQL, rolled back)',
        rawUpdate,
      ],
      [
        `tick: remindDue() — ${DUE.toLocaleString('en')} reminders, audit entries and emails queued with their facts, batches of ${BATCH.toLocaleString('en')}`,
        tick,
      ],
      ['tick with nothing due (the usual case)', empty],
    ] as const;
    const table = [
      '| measurement | seconds | heap peak growth (MB) | heap retained after GC (MB) | RSS peak growth (MB) |',
      '|---|---:|---:|---:|---:|',
      ...rows.map(
        ([label, m]) =>
          `| ${label} | ${fmt(m.ms)} | ${m.heapPeakMb.toFixed(1)} | ${m.retainedMb === null ? 'n/a' : m.retainedMb.toFixed(1)} | ${m.rssPeakMb.toFixed(1)} |`,
      ),
    ].join('\n');
    const planText = plan.map((row) => row['QUERY PLAN']).join('\n');
    const verdict =
      tick.ms < 2000
        ? 'The target (under 2 seconds) is met.'
        : 'The target (under 2 seconds) is NOT met.';
    const section = `## Scheduler tick

Measured with \`npm run bench:scheduler -- --write-doc\` (tools/bench/scheduler-bench.ts) on PostgreSQL ${(await dataSource.query('SHOW server_version'))[0].server_version},
Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${new Date().toISOString().slice(0, 10)}.
Data: ${Number(total).toLocaleString('en')} image requests (${open.toLocaleString('en')} open, ${DUE.toLocaleString('en')} of them due for the reminder), inserted with generate_series in ${seedSeconds.toFixed(0)} s, then VACUUM ANALYZE.

${table}

A tick costs **${(tick.ms / rawUpdate.ms).toFixed(1)}×** the bare UPDATE of the same rows, for ${(tick.ms / DUE).toFixed(3)} ms per reminder
(claim, audit entry, email queued with its facts). ${verdict}

Memory: each batch of ${BATCH.toLocaleString('en')} is claimed, written and committed before the next one is read, so the live
set is one batch; the peak growth is garbage not yet collected (it follows the GC's pace, not the
backlog), and what stays after a forced GC is the retained heap.

History of this figure: the first version rendered each email (about 5 KB of HTML and text) inside
the tick's transaction, in batches of 500: 7.06 s for the same data. Queuing the facts only and
rendering at delivery (migration 1764600000000), batches of 2,000, and claiming the rows and
reading their drivers in one statement brought it to the figure above. What remains per reminder
is the database's own work: the UPDATE writes a new entry in seven of the eight indexes of
image_request, then an audit row and an outbox row are inserted. Measured apart on the same data
right after a checkpoint, the 10,000 claims wrote about 145 MB of WAL (full-page images: the random
UUID keys and access references put each row's index entries on a different page), the audit rows
8 MB and the outbox rows 12 MB; \`wal_compression\` on the server would shrink the first figure (an
operator's choice, not set on this machine). The bare UPDATE is measured in the same run:
compare with it rather than with the absolute time, which moves with the machine's load. Runs of
the same code on a machine shared with a full CI run (load average about 5, another CPU model)
measured 3.3–4.5 s against a bare UPDATE of 0.7–1.3 s: on a loaded machine the target is not met.

The claim of a batch reads the partial index \`idx_image_request_due_reminder\` only:

\`\`\`
${planText}
\`\`\`
`;
    console.log(section);
    if (process.argv.includes('--write-doc')) writeSection(section);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    const cleanup = new Client({ connectionString: server });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  }
}

/** Replaces (or appends) the "## Scheduler tick" section of docs/benchmarks.md, leaving the rest. */
function writeSection(section: string) {
  const file = resolve(__dirname, '../../docs/benchmarks.md');
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = doc.indexOf('## Scheduler tick');
  let next = start < 0 ? -1 : doc.indexOf('\n## ', start + 1);
  if (next >= 0) next += 1;
  const updated =
    start < 0
      ? `${doc.trimEnd()}\n\n${section}`
      : `${doc.slice(0, start)}${section}${next >= 0 ? `\n${doc.slice(next)}` : ''}`;
  writeFileSync(file, updated);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
