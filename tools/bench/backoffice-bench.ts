/**
 * The back-office dashboard over 100,000 image requests of one préfecture, on PostgreSQL, through
 * the real API (Nest on Fastify, HTTP, session cookie of a signed-in agent), against a baseline
 * in the same run: the raw SQL of the same keyset query on the same connection pool.
 *
 *   npx nx build api && npx tsx --tsconfig tsconfig.base.json tools/bench/backoffice-bench.ts [--total 100000] [--write-doc]
 *
 * Creates its own database on the server of PG_TEST_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) and drops it afterwards. With --write-doc,
 * replaces the "Back-office dashboard" section of docs/benchmarks.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const TOTAL = argument('total', 100_000);
const RUNS = 40;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function timeIt(work: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 5; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

async function main(): Promise<void> {
  // The real API as it ships: the production build (npx nx build api), on a database of its own.
  const { Client } = await import('pg');
  const { startBuiltApi } = await import('../../apps/api/src/testing/built-api');
  const { waitForEmail, linkIn } = await import('../../libs/e2e-kit/src/lib/mailbox');
  const server = new URL(process.env['PG_TEST_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `t3p_bench_backoffice_${process.pid}`;
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  const db = new Client({ connectionString: url.toString() });
  let api: Awaited<ReturnType<typeof startBuiltApi>> | undefined;
  try {
    api = await startBuiltApi({
      ...process.env, NODE_ENV: 'development', DATABASE_URL: url.toString(), DEMO_DATA: 'true', LOG_LEVEL: 'warn', SCHEDULER_ENABLED: 'false',
      OUTBOX_POLL_SECONDS: '1', SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000',
    });
    const base = api.url;
    await db.connect();
    const dataSource = { query: (sql: string, params?: unknown[]) => db.query(sql, params as unknown[]).then((r) => r.rows) };
    const [{ id: prefectureId }] = await dataSource.query(`SELECT id FROM prefecture WHERE departement = '59'`);
    const fillStart = Date.now();
    // Drivers, applications and requests in three set-based statements (generate_series).
    await dataSource.query(
      `INSERT INTO driver (id, driver_identifier, civility, last_name, first_name, email, address_line1, postal_code, city)
       SELECT md5('d' || i)::uuid, '59B' || lpad(i::text, 9, '0'), CASE WHEN i % 2 = 0 THEN 'M' ELSE 'MME' END,
              'Nom' || (i % 5000), 'Prenom' || (i % 300), 'bench' || i || '@bench.example', '1 rue du Banc', '59000', 'Lille'
         FROM generate_series(1, $1) AS i`,
      [TOTAL],
    );
    await dataSource.query(
      `INSERT INTO card_application (id, driver_id, prefecture_id, card_type, card_number, state, created_at, updated_at)
       SELECT md5('a' || i)::uuid, md5('d' || i)::uuid, $2, (ARRAY['VTC','TAXI','VMDTR'])[1 + i % 3], '59B' || lpad(i::text, 9, '0') || '01',
              'AWAITING_IMAGES', now() - (i || ' minutes')::interval, now()
         FROM generate_series(1, $1) AS i`,
      [TOTAL, prefectureId],
    );
    await dataSource.query(
      `INSERT INTO image_request (id, application_id, prefecture_id, card_type, access_ref, photo_requested, signature_requested,
                                  reason_code, reason_text, state, created_at, submitted_at, reminded_at, decided_at, cancelled_at)
       SELECT md5('r' || i)::uuid, md5('a' || i)::uuid, $2, (ARRAY['VTC','TAXI','VMDTR'])[1 + i % 3], md5('ref' || i),
              true, i % 4 = 0, 'PHOTO_BLURRY', 'La photo d’identité est floue.',
              s.state, now() - (i || ' minutes')::interval,
              CASE WHEN s.state IN ('SUBMITTED','VALIDATED','REJECTED') THEN now() END,
              CASE WHEN s.state IN ('REMINDED','CANCELLED') THEN now() END,
              CASE WHEN s.state IN ('VALIDATED','REJECTED') THEN now() END,
              CASE WHEN s.state = 'CANCELLED' THEN now() END
         FROM generate_series(1, $1) AS i,
              LATERAL (SELECT (ARRAY['PENDING','REMINDED','SUBMITTED','VALIDATED','VALIDATED','VALIDATED','REJECTED','CANCELLED'])[1 + i % 8] AS state) s`,
      [TOTAL, prefectureId],
    );
    await dataSource.query('VACUUM ANALYZE');
    const fillMs = Date.now() - fillStart;

    const agent = 'agent.nord@demo.t3p.example';
    const since = new Date(Date.now() - 1000);
    await fetch(`${base}/api/auth/agent/sign-in-links`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: agent }) });
    const token = new URL(linkIn(await waitForEmail(base, { to: agent, kind: 'SIGN_IN_LINK', since }), '/prefecture/connexion/lien/')).pathname.split('/').pop();
    const signedIn = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
    const get = async (path: string) => {
      const response = await fetch(`${base}${path}`, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<{ items?: unknown[]; nextCursor?: string | null }>;
    };
    const deep = await get('/api/agent/dashboard/requests?limit=20');
    let cursor = deep.nextCursor ?? '';
    for (let i = 0; i < 50 && cursor; i += 1) cursor = (await get(`/api/agent/dashboard/requests?limit=20&cursor=${cursor}`)).nextCursor ?? '';

    const keysetSql = (filtered: boolean) =>
      `SELECT r.*, a.*, d.*, p.* FROM image_request r
         JOIN card_application a ON a.id = r.application_id JOIN driver d ON d.id = a.driver_id JOIN prefecture p ON p.id = a.prefecture_id
        WHERE r.prefecture_id = $1 ${filtered ? "AND r.state = 'SUBMITTED' AND r.card_type = 'TAXI' AND r.created_at >= now() - interval '60 days'" : ''}
        ORDER BY r.created_at DESC, r.id DESC LIMIT 21`;
    const cases: { name: string; http: string; sql?: string; params?: unknown[] }[] = [
      { name: 'First page (20 newest)', http: '/api/agent/dashboard/requests?limit=20', sql: keysetSql(false), params: [prefectureId] },
      {
        name: 'Filtered page (À examiner, TAXI, last 60 days)',
        http: `/api/agent/dashboard/requests?limit=20&state=SUBMITTED&cardType=TAXI&from=${new Date(Date.now() - 60 * 86_400_000).toISOString()}`,
        sql: keysetSql(true),
        params: [prefectureId],
      },
      { name: 'Review queue (SUBMITTED, oldest first)', http: '/api/agent/dashboard/requests?limit=10&state=SUBMITTED&sort=oldest' },
      { name: 'Page 51 (keyset cursor)', http: `/api/agent/dashboard/requests?limit=20&cursor=${cursor}` },
      { name: 'Name search « nom123 »', http: '/api/agent/dashboard/requests?limit=20&q=nom123' },
      { name: 'Counts per state', http: '/api/agent/dashboard/overview',
        sql: 'SELECT state, count(*) FROM image_request WHERE prefecture_id = $1 GROUP BY state', params: [prefectureId] },
      { name: 'Lifecycle list /api/agent/requests (first page)', http: '/api/agent/requests?limit=20' },
    ];
    const rows: string[] = [];
    for (const entry of cases) {
      const http = await timeIt(() => get(entry.http));
      const sql = entry.sql ? await timeIt(() => dataSource.query(entry.sql as string, entry.params)) : null;
      const line = `| ${entry.name} | ${http.median.toFixed(1)} | ${http.p95.toFixed(1)} | ${sql ? sql.median.toFixed(1) : '—'} | ${sql ? sql.p95.toFixed(1) : '—'} | ${http.p95 < 100 ? 'yes' : 'NO'} |`;
      console.log(line);
      rows.push(line);
    }
    const version = (await dataSource.query('SHOW server_version'))[0].server_version;
    const section = `## Back-office dashboard

Measured with \`npx nx build api\` then \`npx tsx --tsconfig tsconfig.base.json tools/bench/backoffice-bench.ts --write-doc\` on PostgreSQL ${version},
${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}. ${TOTAL.toLocaleString('en')} image requests
(with their drivers and applications) in one préfecture, bulk-inserted with \`generate_series\` in ${(fillMs / 1000).toFixed(1)} s, then VACUUM ANALYZE.
Each line: ${RUNS} timed runs after 5 warm-ups. "HTTP" is the real API (production build \`dist/apps/api/main.js\`, Nest on Fastify, session cookie of a signed-in agent,
guard, validation, service, repository, JSON) timed from a client on the same machine, so it includes the loopback round trip;
"raw SQL" is the same keyset query sent by the same pool, with no API around it (the baseline). Target: under 100 ms.

| request | HTTP median (ms) | HTTP p95 (ms) | raw SQL median (ms) | raw SQL p95 (ms) | p95 < 100 ms |
|---|---|---|---|---|---|
${rows.join('\n')}

The keyset pages are served by \`idx_image_request_prefecture_created\` (no filter) and \`idx_image_request_backoffice\`
(\`prefecture_id, state, created_at, id\`): a page reads its 21 rows whatever its depth. A name search (\`LIKE '%…%'\`
on the driver) is not indexed: it walks the préfecture's requests newest first until 21 match, so a rare name costs a scan.
`;
    console.log(section);
    if (process.argv.includes('--write-doc')) writeSection(section);
  } finally {
    await api?.stop();
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** Replaces (or appends) the "## Back-office dashboard" section of docs/benchmarks.md, leaving the rest. */
function writeSection(section: string): void {
  const file = resolve(__dirname, '../../docs/benchmarks.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf('## Back-office dashboard');
  if (start < 0) {
    writeFileSync(file, `${current.trimEnd()}\n\n${section}`);
    return;
  }
  const next = current.indexOf('\n## ', start + 3);
  writeFileSync(file, `${current.slice(0, start)}${section}${next < 0 ? '' : current.slice(next + 1)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
