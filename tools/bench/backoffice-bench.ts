/**
 * The back-office dashboard over 100,000 (or --total) image requests, nine in ten in the agent's
 * préfecture, on PostgreSQL, through the real API (Nest on Fastify, HTTP, session cookie of a
 * signed-in agent), against a baseline in the same run: the raw SQL of the same queries.
 *
 *   npx nx build api && npx tsx --tsconfig tsconfig.base.json tools/bench/backoffice-bench.ts [--total 100000] [--write-doc]
 *
 * Creates its own database on the server of PG_TEST_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) and drops it afterwards. With --write-doc,
 * replaces the "Back-office dashboard, N requests" section of docs/benchmarks.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { linkIn, waitForEmail } from '@t3p/e2e-kit';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const TOTAL = argument('total', 100_000);
const RUNS = 40;
const HEADING = `## Back-office dashboard, ${TOTAL.toLocaleString('en')} requests`;
/** The one « Zébulon »: not a multiple of 10 (a Nord row) nor 1 modulo 50 (a « Martin »). */
const RARE_ROW = 10 * Math.floor(TOTAL / 20) + 3;

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
  const server = new URL(
    process.env['PG_TEST_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
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
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: url.toString(),
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      SCHEDULER_ENABLED: 'false',
      OUTBOX_POLL_SECONDS: '1',
      SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000',
    });
    const base = api.url;
    await db.connect();
    const dataSource = {
      query: (sql: string, params?: unknown[]) =>
        db.query(sql, params as unknown[]).then((r) => r.rows),
    };
    const [{ id: prefectureId }] = await dataSource.query(
      `SELECT id FROM prefecture WHERE departement = '59'`,
    );
    const [{ id: otherPrefectureId }] = await dataSource.query(
      `SELECT id FROM prefecture WHERE departement = '62'`,
    );
    const fillStart = Date.now();
    // The search indexes are built once after the bulk load (faster than maintained row by row), as an operator would for an import.
    const searchIndexes: { name: string; definition: string }[] = await dataSource.query(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
        WHERE indexname = 'idx_card_application_search_trgm' OR indexname LIKE '%\\_search' ESCAPE '\\'`,
    );
    for (const index of searchIndexes) await dataSource.query(`DROP INDEX ${index.name}`);
    // Names: 2 % « Martin » (a common name), one « Zébulon » (a rare one), the rest Nom0…Nom4999.
    const lastName = `CASE WHEN i % 50 = 1 THEN 'Martin' WHEN i = ${RARE_ROW} THEN 'Zébulon' ELSE 'Nom' || (i % 5000) END`;
    const identifier = `'59B' || lpad(i::text, 9, '0')`;
    // Nine requests in ten belong to the Nord, the others to the Pas-de-Calais.
    const prefectureOf = `CASE WHEN i % 10 = 0 THEN $3 ELSE $2 END`;
    // Drivers, applications and requests in three set-based statements (generate_series).
    await dataSource.query(
      `INSERT INTO driver (id, driver_identifier, civility, last_name, first_name, email, address_line1, postal_code, city)
       SELECT md5('d' || i)::uuid, ${identifier}, CASE WHEN i % 2 = 0 THEN 'M' ELSE 'MME' END,
              ${lastName}, 'Prenom' || (i % 300), 'bench' || i || '@bench.example', '1 rue du Banc', '59000', 'Lille'
         FROM generate_series(1, $1) AS i`,
      [TOTAL],
    );
    // search_text as searchTextOf writes it (the bench's names only need lower case and one accent folded).
    await dataSource.query(
      `INSERT INTO card_application (id, driver_id, prefecture_id, card_type, card_number, state, created_at, updated_at, search_text)
       SELECT md5('a' || i)::uuid, md5('d' || i)::uuid, ${prefectureOf}, (ARRAY['VTC','TAXI','VMDTR'])[1 + i % 3], ${identifier} || '01',
              'AWAITING_IMAGES', now() - (i || ' minutes')::interval, now(),
              ' ' || translate(lower(${lastName}), 'é', 'e') || ' prenom' || (i % 300) || ' ' || lower(${identifier}) || ' '
                  || lower(${identifier}) || '01 bench' || i || '@bench.example '
         FROM generate_series(1, $1) AS i`,
      [TOTAL, prefectureId, otherPrefectureId],
    );
    await dataSource.query(
      `INSERT INTO image_request (id, application_id, prefecture_id, card_type, access_ref, photo_requested, signature_requested,
                                  reason_code, reason_text, state, created_at, submitted_at, reminded_at, decided_at, cancelled_at,
                                  photo_rejection_code, signature_rejection_code)
       SELECT md5('r' || i)::uuid, md5('a' || i)::uuid, ${prefectureOf}, (ARRAY['VTC','TAXI','VMDTR'])[1 + i % 3], md5('ref' || i),
              true, i % 4 = 0, 'PHOTO_BLURRY', 'La photo d’identité est floue.',
              s.state, now() - (i || ' minutes')::interval,
              CASE WHEN s.state IN ('SUBMITTED','VALIDATED','REJECTED') THEN now() - (i || ' minutes')::interval + s.to_submission END,
              CASE WHEN s.state IN ('REMINDED','CANCELLED') THEN now() END,
              CASE WHEN s.state IN ('VALIDATED','REJECTED') THEN now() - (i || ' minutes')::interval + s.to_submission + s.to_decision END,
              CASE WHEN s.state = 'CANCELLED' THEN now() END,
              CASE WHEN s.state = 'REJECTED' THEN (ARRAY['PHOTO_BLURRY','PHOTO_BACKGROUND','PHOTO_LIGHTING','FORMAT_INVALID','OTHER'])[1 + i % 5] END,
              CASE WHEN s.state = 'REJECTED' AND i % 4 = 0 THEN (ARRAY['SIGNATURE_ILLEGIBLE','SIGNATURE_CROPPED'])[1 + i % 2] END
         FROM generate_series(1, $1) AS i,
              LATERAL (SELECT (ARRAY['PENDING','REMINDED','SUBMITTED','VALIDATED','VALIDATED','VALIDATED','REJECTED','CANCELLED'])[1 + i % 8] AS state,
                              ((i::bigint * 7919) % 1209600) * interval '1 second' AS to_submission,
                              ((i::bigint * 104729) % 604800) * interval '1 second' AS to_decision) s`,
      [TOTAL, prefectureId, otherPrefectureId],
    );
    await dataSource.query("SET maintenance_work_mem = '256MB'");
    for (const index of searchIndexes) await dataSource.query(index.definition);
    await dataSource.query('VACUUM ANALYZE');
    const fillMs = Date.now() - fillStart;
    const [{ n: nordRequests }] = await dataSource.query(
      'SELECT count(*)::int AS n FROM image_request WHERE prefecture_id = $1',
      [prefectureId],
    );

    const agent = 'agent.nord@demo.t3p.example';
    const since = new Date(Date.now() - 1000);
    await fetch(`${base}/api/auth/agent/sign-in-links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: agent }),
    });
    const token = new URL(
      linkIn(
        await waitForEmail(base, { to: agent, kind: 'SIGN_IN_LINK', since }),
        '/prefecture/connexion/lien/',
      ),
    ).pathname
      .split('/')
      .pop();
    const signedIn = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
    const get = async (path: string) => {
      const response = await fetch(`${base}${path}`, { headers: { cookie } });
      if (response.status !== 200)
        throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<{ items?: unknown[]; nextCursor?: string | null }>;
    };
    const deep = await get('/api/agent/dashboard/requests?limit=20');
    let cursor = deep.nextCursor ?? '';
    for (let i = 0; i < 50 && cursor; i += 1)
      cursor =
        (await get(`/api/agent/dashboard/requests?limit=20&cursor=${cursor}`)).nextCursor ?? '';
    // The deepest page: the keyset of the row 90 % down the préfecture's list, as the API encodes it.
    const depth = Math.floor(nordRequests * 0.9);
    const [last] = await dataSource.query(
      'SELECT created_at, id FROM image_request WHERE prefecture_id = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1',
      [prefectureId, depth],
    );
    const deepCursor = Buffer.from(
      `${(last.created_at as Date).toISOString()}|${last.id}`,
    ).toString('base64url');
    const rareIdentifier = `59B${String(10 * Math.floor(TOTAL / 30) + 3).padStart(9, '0')}`;
    const identifierIds = (operator: '=' | 'LIKE', upper: string, lower: string) =>
      `SELECT sc.id FROM card_application sc WHERE upper(sc.card_number) ${operator} '${upper}' AND sc.search_text <> ''
       UNION SELECT sc.id FROM card_application sc JOIN driver sd ON sd.id = sc.driver_id
        WHERE (upper(sd.driver_identifier) ${operator} '${upper}' OR lower(sd.email) ${operator} '${lower}') AND sc.search_text <> ''`;
    const parisDay = (offsetDays: number) =>
      new Date(Date.now() + 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const [yearFrom, yearTo] = [parisDay(-364), parisDay(0)];
    // The statistics' query as the repository writes it: whole months in request_stat_month, the other days in request_stat.
    const { splitPeriod } =
      await import('../../apps/api/src/requests/statistics/request-statistics.service');
    const split = splitPeriod(yearFrom, yearTo);
    const statParts = [
      ...split.days.map(
        ([from, to]) =>
          `SELECT metric, label, n FROM request_stat WHERE prefecture_id = $1 AND day >= '${from}' AND day <= '${to}'`,
      ),
      ...(split.months
        ? [
            `SELECT metric, label, n FROM request_stat_month WHERE prefecture_id = $1 AND month >= '${split.months[0]}' AND month <= '${split.months[1]}'`,
          ]
        : []),
    ];
    const statisticsSql = `SELECT metric, label, SUM(n) AS n FROM (${statParts.join(' UNION ALL ')}) AS parts GROUP BY metric, label`;
    const exactStatisticsSql = [
      `SELECT state, count(*) FROM image_request WHERE prefecture_id = $1 AND created_at >= '${yearFrom}' AND created_at < '${yearTo}'::date + 1 GROUP BY state`,
      `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY submitted_at - created_at) FROM image_request
        WHERE prefecture_id = $1 AND submitted_at >= '${yearFrom}' AND submitted_at < '${yearTo}'::date + 1`,
      `SELECT state, photo_rejection_code, count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY decided_at - submitted_at) FROM image_request
        WHERE prefecture_id = $1 AND decided_at >= '${yearFrom}' AND decided_at < '${yearTo}'::date + 1 GROUP BY ROLLUP (state, photo_rejection_code)`,
    ];

    const select = `SELECT r.*, a.*, d.*, p.* FROM image_request r
         JOIN card_application a ON a.id = r.application_id JOIN driver d ON d.id = a.driver_id JOIN prefecture p ON p.id = a.prefecture_id`;
    const keysetSql = (where: string) =>
      `${select} WHERE r.prefecture_id = $1 ${where} ORDER BY r.created_at DESC, r.id DESC LIMIT 21`;
    const filtered =
      "AND r.state = 'SUBMITTED' AND r.card_type = 'TAXI' AND r.created_at >= now() - interval '60 days'";
    const searchSql = (word: string) => keysetSql(`AND a.search_text LIKE '%${word}%'`);
    const cases: { name: string; http?: string; sql?: string[]; params?: unknown[] }[] = [
      {
        name: 'First page (20 newest)',
        http: '/api/agent/dashboard/requests?limit=20',
        sql: [keysetSql('')],
      },
      {
        name: 'Filtered page (À examiner, TAXI, last 60 days)',
        http: `/api/agent/dashboard/requests?limit=20&state=SUBMITTED&cardType=TAXI&from=${new Date(Date.now() - 60 * 86_400_000).toISOString()}`,
        sql: [keysetSql(filtered)],
      },
      {
        name: 'Review queue (SUBMITTED, oldest first)',
        http: '/api/agent/dashboard/requests?limit=10&state=SUBMITTED&sort=oldest',
      },
      {
        name: 'Page 51 (keyset cursor)',
        http: `/api/agent/dashboard/requests?limit=20&cursor=${cursor}`,
      },
      {
        name: `Deep page (row ${depth.toLocaleString('en')} of ${nordRequests.toLocaleString('en')})`,
        http: `/api/agent/dashboard/requests?limit=20&cursor=${deepCursor}`,
        sql: [
          keysetSql(
            `AND (r.created_at, r.id) < ('${(last.created_at as Date).toISOString()}', '${last.id}')`,
          ),
        ],
      },
      {
        name: 'Name search, rare « zebul » (1 row)',
        http: '/api/agent/dashboard/requests?limit=20&q=zebul',
        sql: [searchSql('zebul')],
      },
      {
        name: 'Name search, common « MARTIN » (2 %)',
        http: '/api/agent/dashboard/requests?limit=20&q=MARTIN',
        sql: [searchSql('martin')],
      },
      {
        name: 'Name search « nom123 » (1 in 5,000)',
        http: '/api/agent/dashboard/requests?limit=20&q=nom123',
        sql: [searchSql('nom123')],
      },
      {
        name: 'Identifier search (exact, ranked first)',
        http: `/api/agent/dashboard/requests?limit=20&q=${rareIdentifier}`,
        sql: [
          keysetSql(
            `AND a.id IN (${identifierIds('=', rareIdentifier, rareIdentifier.toLowerCase())})`,
          ).replace('LIMIT 21', 'LIMIT 5'),
          keysetSql(
            `AND a.id = ANY(ARRAY(${identifierIds('LIKE', `${rareIdentifier}%`, `${rareIdentifier.toLowerCase()}%`)}))
             AND a.id NOT IN (${identifierIds('=', rareIdentifier, rareIdentifier.toLowerCase())})`,
          ),
        ],
      },
      {
        name: `Identifier prefix « ${rareIdentifier.slice(0, 10)} » (about 100 rows)`,
        http: `/api/agent/dashboard/requests?limit=20&q=${rareIdentifier.slice(0, 10)}`,
        sql: [
          keysetSql(
            `AND a.id = ANY(ARRAY(${identifierIds('LIKE', `${rareIdentifier.slice(0, 10)}%`, `${rareIdentifier.slice(0, 10).toLowerCase()}%`)}))`,
          ),
        ],
      },
      {
        name: 'Statistics over a year (monthly and daily rollups)',
        http: `/api/agent/dashboard/statistics?from=${yearFrom}&to=${yearTo}`,
        sql: [statisticsSql],
      },
      {
        name: 'For comparison: the same statistics computed exactly over image_request',
        sql: exactStatisticsSql,
      },
      {
        name: 'Counts per state and card type (maintained)',
        http: '/api/agent/dashboard/overview',
        sql: [
          'SELECT state, card_type, SUM(n) FROM request_count WHERE prefecture_id = $1 GROUP BY state, card_type',
        ],
      },
      {
        name: 'For comparison: a real count (GROUP BY over image_request)',
        sql: [
          'SELECT state, card_type, count(*) FROM image_request WHERE prefecture_id = $1 GROUP BY state, card_type',
        ],
      },
    ];
    const rows: string[] = [];
    for (const entry of cases) {
      const http = entry.http ? await timeIt(() => get(entry.http as string)) : null;
      const sql = entry.sql
        ? await timeIt(async () => {
            for (const statement of entry.sql as string[])
              await dataSource.query(statement, [prefectureId]);
          })
        : null;
      const f = (value: number | undefined) => (value === undefined ? '—' : value.toFixed(1));
      const line = `| ${entry.name} | ${f(http?.median)} | ${f(http?.p95)} | ${f(sql?.median)} | ${f(sql?.p95)} | ${http ? (http.p95 < 100 ? 'yes' : 'NO') : '—'} |`;
      console.log(line);
      rows.push(line);
    }
    const plan = async (statement: string) =>
      (
        await dataSource.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${statement}`, [
          prefectureId,
        ])
      )
        .map((row: Record<string, string>) => row['QUERY PLAN'])
        .join('\n');
    const plans = [
      ['Name search, rare « zebul »', await plan(searchSql('zebul'))],
      ['Name search, common « martin »', await plan(searchSql('martin'))],
      [
        'Counts (maintained)',
        await plan(
          'SELECT state, card_type, SUM(n) FROM request_count WHERE prefecture_id = $1 GROUP BY state, card_type',
        ),
      ],
      [
        'Identifier search, exact',
        await plan(
          keysetSql(
            `AND a.id IN (${identifierIds('=', rareIdentifier, rareIdentifier.toLowerCase())})`,
          ).replace('LIMIT 21', 'LIMIT 5'),
        ),
      ],
      [
        'Identifier search, prefix',
        await plan(
          keysetSql(
            `AND a.id = ANY(ARRAY(${identifierIds('LIKE', `${rareIdentifier.slice(0, 10)}%`, `${rareIdentifier.slice(0, 10).toLowerCase()}%`)}))`,
          ),
        ),
      ],
      ['Statistics over a year (monthly and daily rollups)', await plan(statisticsSql)],
    ];
    const [{ n: statRows }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM (${statParts.join(' UNION ALL ')}) AS parts`,
      [prefectureId],
    );
    const [{ n: statTotal }] = await dataSource.query(
      'SELECT count(*)::int AS n FROM request_stat',
    );
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
    const version = (await dataSource.query('SHOW server_version'))[0].server_version;
    const section = `${HEADING}

Measured with \`npx nx build api\` then \`npx tsx --tsconfig tsconfig.base.json tools/bench/backoffice-bench.ts --write-doc\` on PostgreSQL ${version},
${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}. ${TOTAL.toLocaleString('en')} image requests
(with their drivers and applications), ${nordRequests.toLocaleString('en')} of them in the Nord (the agent's préfecture), the rest in the Pas-de-Calais,
bulk-inserted with \`generate_series\` in ${(fillMs / 1000).toFixed(1)} s (the counters' and statistics' triggers included, the search indexes built after the load), then VACUUM ANALYZE.
Load average when the measurement ended: ${load} (2 cores shared with other developers' work).
Each line: ${RUNS} timed runs after 5 warm-ups. "HTTP" is the real API (production build \`dist/apps/api/main.js\`, Nest on Fastify, session cookie of a signed-in agent,
guard, validation, service, repository, JSON) timed from a client on the same machine, so it includes the loopback round trip;
"raw SQL" is the same query (or queries) sent by one client, with no API around it (the baseline). Target: under 100 ms.

| request | HTTP median (ms) | HTTP p95 (ms) | raw SQL median (ms) | raw SQL p95 (ms) | p95 < 100 ms |
|---|---|---|---|---|---|
${rows.join('\n')}

The keyset pages are served by \`idx_image_request_prefecture_created\` (no filter) and \`idx_image_request_backoffice\`
(\`prefecture_id, state, created_at, id\`): a page reads its 21 rows whatever its depth. The search reads
\`card_application.search_text\` (names, identifier, card number, email, folded) through the pg_trgm GIN index
\`idx_card_application_search_trgm\`, or walks the list newest first when the planner expects many matches. The counts
read \`request_count\`, a few rows per préfecture maintained by triggers (migration 1764720000000). An identifier, card number
or email is matched exactly or as a prefix through expression B-tree indexes (migration 1764900000001). The statistics read
\`request_stat\` and \`request_stat_month\` (migration 1764900000000), daily and monthly rollups per préfecture maintained by triggers:
the Nord's year reads ${statRows.toLocaleString('en')} rows (its whole months, then its first and last days), whatever the number of requests;
the medians come from log-scale buckets (±2.5 %). The two tables hold ${Number(statTotal).toLocaleString('en')} rows in all (before any fold).

${plans.map(([title, text]) => `${title} (EXPLAIN ANALYZE):\n\n\`\`\`\n${text}\n\`\`\``).join('\n\n')}
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

/**
 * Replaces this size's section of docs/benchmarks.md (or the single section of earlier versions,
 * "## Back-office dashboard"), else adds it after the other sizes' sections, leaving the rest.
 */
function writeSection(section: string): void {
  const file = resolve(__dirname, '../../docs/benchmarks.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const exact = current.indexOf(`${HEADING}\n`);
  const legacy = current.indexOf('## Back-office dashboard\n');
  const start = exact >= 0 ? exact : legacy;
  if (start < 0) {
    const sibling = current.lastIndexOf('## Back-office dashboard, ');
    const after = sibling < 0 ? -1 : current.indexOf('\n## ', sibling + 3);
    if (after < 0) writeFileSync(file, `${current.trimEnd()}\n\n${section}`);
    else
      writeFileSync(file, `${current.slice(0, after + 1)}${section}\n${current.slice(after + 1)}`);
    return;
  }
  const next = current.indexOf('\n## ', start + 3);
  writeFileSync(
    file,
    `${current.slice(0, start)}${section}${next < 0 ? '' : `\n${current.slice(next + 1)}`}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
