/**
 * Upload throughput on PostgreSQL at 50 concurrent clients: the real API (production build, Nest
 * on Fastify, signed-in drivers, CSRF, multipart, full verdict, storage of the original, hash and
 * figures, display copy available) against bare Node HTTP servers in the same run, with the
 * same photo: one that receives the body and INSERTs it (insert-only), and the fair baseline
 * that receives the multipart body, fully decodes the file with sharp, hashes it and INSERTs
 * original + hash (decode-and-insert); and, as a reading aid, that baseline plus the API's own face
 * detection on every upload (decode-detect-and-insert: what the detector alone costs). Two photos like a driver's (413 × 531 JFIF JPEG of
 * 30–40 KB with texture; the same with an ICC profile), three runs of each server, medians.
 * Reports uploads/s, CPU ms per upload of the server process and of its PostgreSQL backends
 * (from /proc), statements per upload, the share of API verdicts whose face analysis ran out of
 * time, and the ratios API / decode-and-insert (the target's) and API / decode-detect-and-insert.
 *
 *   npm run bench:upload -- [--seconds 8] [--clients 50] [--runs 3] [--profile] [--write-doc]
 *
 * --write-photos DIR: writes the two photos there and stops.
 * --profile: the API runs under `node --cpu-prof`; its main thread's samples are summarised by
 * package after the runs (written to /tmp). Creates its own database on PG_TEST_URL's server
 * (default postgres://postgres@127.0.0.1:5432/postgres) and drops it afterwards. With
 * --write-doc, replaces the "Upload throughput" section of docs/benchmarks.md.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { linkIn, waitForEmail } from '@t3p/e2e-kit';
import { startBuiltApi } from '../../apps/api/src/testing/built-api';
import { freePort } from '../../apps/api/src/testing/free-port';
import {
  cpuMsBetween,
  cpuMsOf,
  DECODE_AND_INSERT_SERVER,
  DECODE_DETECT_AND_INSERT_SERVER,
  INSERT_ONLY_SERVER,
  median,
  samplePhotos,
} from './upload-baselines';
import { summariseCpuProfile } from './cpu-profile-summary';
import { DETECTOR } from '@t3p/image-warnings';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SECONDS = argument('seconds', 8);
const RUNS = argument('runs', 3);
const PROFILE = process.argv.includes('--profile');
const CLIENTS = argument('clients', 50);
const ROOT = resolve(__dirname, '../..');

type Form = { body: Uint8Array<ArrayBuffer>; contentType: string };

function multipart(bytes: Buffer): Form {
  const boundary = `----t3pbench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: new Uint8Array(Buffer.concat([head, bytes, tail])),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function waitUntilUp(url: string): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    if (
      await fetch(url)
        .then((r) => r.status < 500)
        .catch(() => false)
    )
      return;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`${url} did not answer`);
}

/** Accepted API uploads of the current window whose verdict says the face analysis did not finish in time. */
let faceUnavailable = 0;

/** CLIENTS loops, each sending its request again as soon as the previous answer came back. */
async function load(
  send: (client: number) => Promise<boolean>,
  seconds: number,
): Promise<{ perSecond: number; ok: number; failed: number }> {
  let ok = 0;
  let failed = 0;
  faceUnavailable = 0;
  const end = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_unused, client) => {
      while (Date.now() < end) {
        if (await send(client).catch(() => false)) ok += 1;
        else failed += 1;
      }
    }),
  );
  return { perSecond: ok / ((performance.now() - started) / 1000), ok, failed };
}

async function main(): Promise<void> {
  const photosDir = process.argv.indexOf('--write-photos');
  if (photosDir > 0) {
    // Writes the bench's two photos (to look at them, or to run npm run check-image on them) and stops.
    for (const [index, photo] of (await samplePhotos()).entries()) {
      writeFileSync(
        join(process.argv[photosDir + 1], `upload-bench-${index + 1}.jpg`),
        photo.bytes,
      );
      console.log(photo.name);
    }
    return;
  }
  if (!existsSync(resolve(ROOT, 'dist/apps/api/main.js')))
    throw new Error('Build the API first: npx nx build api');
  const server = new URL(
    process.env['PG_TEST_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const name = `t3p_bench_upload_${process.pid}`;
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  const children: ChildProcess[] = [];
  const db = new Client({ connectionString: url.toString() });
  try {
    const profileDir = mkdtempSync(join(tmpdir(), 't3p-upload-profile-'));
    const started = await startBuiltApi(
      {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: url.toString(),
        DEMO_DATA: 'true',
        LOG_LEVEL: 'warn',
        SCHEDULER_ENABLED: 'true',
        OUTBOX_POLL_SECONDS: '1',
        SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '100000',
      },
      PROFILE ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {},
    );
    children.push(started.child);
    const api = started.url;
    await db.connect();

    // One driver with a pending photo request per client, so that uploads do not queue on one row.
    const [{ id: prefectureId }] = (
      await db.query(`SELECT id FROM prefecture WHERE departement = '59'`)
    ).rows;
    await db.query(
      `INSERT INTO driver (id, driver_identifier, civility, last_name, first_name, email, address_line1, postal_code, city)
       SELECT md5('bd' || i)::uuid, '59U' || lpad(i::text, 9, '0'), 'M', 'Banc' || i, 'Essai', 'upload' || i || '@bench.example',
              '1 rue du Banc', '59000', 'Lille' FROM generate_series(1, $1) i`,
      [CLIENTS],
    );
    await db.query(
      `INSERT INTO card_application (id, driver_id, prefecture_id, card_type, card_number, state)
       SELECT md5('ba' || i)::uuid, md5('bd' || i)::uuid, $2, 'VTC', '59U' || lpad(i::text, 9, '0') || '01', 'AWAITING_IMAGES'
         FROM generate_series(1, $1) i`,
      [CLIENTS, prefectureId],
    );
    await db.query(
      `INSERT INTO image_request (id, application_id, prefecture_id, card_type, access_ref, photo_requested, signature_requested,
                                  reason_code, reason_text, state, created_at)
       SELECT md5('br' || i)::uuid, md5('ba' || i)::uuid, $2, 'VTC', 'bench-ref-' || i, true, false, 'OTHER',
              'Banc d’essai', 'PENDING', now() FROM generate_series(1, $1) i`,
      [CLIENTS, prefectureId],
    );

    // Each driver signs in through the real flow: link email, "Se connecter", terms.
    const sessions: { cookie: string; csrf: string }[] = [];
    for (let i = 1; i <= CLIENTS; i += 1) {
      const since = new Date(Date.now() - 1000);
      await fetch(`${api}/api/auth/driver/sign-in-links`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reference: `bench-ref-${i}` }),
      });
      const email = await waitForEmail(api, {
        to: `upload${i}@bench.example`,
        kind: 'SIGN_IN_LINK',
        since,
        timeoutMs: 30_000,
      });
      const token = new URL(linkIn(email, '/connexion/lien/')).pathname.split('/').pop();
      const signedIn = await fetch(`${api}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      if (!signedIn.ok)
        throw new Error(`Sign-in failed: ${signedIn.status} ${await signedIn.text()}`);
      const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
      const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
      const request = (await (
        await fetch(`${api}/api/driver/request`, { headers: { cookie } })
      ).json()) as { currentTermsVersion: string };
      const terms = await fetch(`${api}/api/driver/request/terms`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ termsVersion: request.currentTermsVersion }),
      });
      if (!terms.ok) throw new Error(`Terms refused: ${terms.status} ${await terms.text()}`);
      sessions.push({ cookie, csrf: csrfToken });
    }

    const photos = await samplePhotos();
    const forms = photos.map((photo) => multipart(photo.bytes));
    for (const { body, contentType } of forms) {
      const first = await fetch(`${api}/api/driver/request/images/photo`, {
        method: 'PUT',
        headers: {
          cookie: sessions[0].cookie,
          'x-csrf-token': sessions[0].csrf,
          'content-type': contentType,
        },
        body,
      });
      if (first.status !== 201)
        throw new Error(`A sample photo was not accepted: ${first.status} ${await first.text()}`);
    }

    // The baselines, side by side with the API (each idle while another is measured).
    await db.query(
      `CREATE TABLE bench_upload (id uuid PRIMARY KEY, body bytea NOT NULL, sha256 text)`,
    );
    await db.query(`ALTER TABLE bench_upload ALTER COLUMN body SET STORAGE EXTERNAL`); // as stored_image's bytes
    const bare = async (source: string, extraEnv: Record<string, string> = {}) => {
      const port = await freePort();
      const child = spawn(process.execPath, ['-e', source], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, ...extraEnv, PORT: String(port), DATABASE_URL: url.toString() },
      });
      children.push(child);
      await waitUntilUp(`http://127.0.0.1:${port}/`);
      return { url: `http://127.0.0.1:${port}/upload`, pid: child.pid as number };
    };
    const insertOnly = await bare(INSERT_ONLY_SERVER);
    const decodeInsert = await bare(DECODE_AND_INSERT_SERVER);
    const decodeDetect = await bare(DECODE_DETECT_AND_INSERT_SERVER, {
      FACE_WORKER: resolve(ROOT, 'libs/image-measurement/src/face-worker.js'),
      DETECTOR: JSON.stringify({
        inputSize: DETECTOR.inputSize,
        scoreThreshold: DETECTOR.scoreThreshold,
      }),
    });

    type Server = 'api' | 'insert' | 'decode' | 'detect';
    const bareUrl: Record<Exclude<Server, 'api'>, string> = {
      insert: insertOnly.url,
      decode: decodeInsert.url,
      detect: decodeDetect.url,
    };
    const sendTo = (server: Server, form: Form) => async (client: number) => {
      const response =
        server === 'api'
          ? await fetch(`${api}/api/driver/request/images/photo`, {
              method: 'PUT',
              headers: {
                cookie: sessions[client].cookie,
                'x-csrf-token': sessions[client].csrf,
                'content-type': form.contentType,
              },
              body: form.body,
            })
          : await fetch(bareUrl[server], {
              method: 'PUT',
              headers: { 'content-type': form.contentType },
              body: form.body,
            });
      const text = await response.text();
      if (response.status === 201 && text.includes('"FACE_ANALYSIS_UNAVAILABLE"'))
        faceUnavailable += 1;
      return response.status === 201;
    };
    const pidOf: Record<Server, number> = {
      api: started.child.pid as number,
      insert: insertOnly.pid,
      decode: decodeInsert.pid,
      detect: decodeDetect.pid,
    };
    const backends = async () =>
      (
        await admin.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'`,
          [name],
        )
      ).rows
        .map((row: { pid: number }) => row.pid)
        .filter((pid: number) => existsSync(`/proc/${pid}/stat`));
    const commits = async () =>
      Number(
        (await admin.query(`SELECT xact_commit FROM pg_stat_database WHERE datname = $1`, [name]))
          .rows[0].xact_commit,
      );

    interface Window {
      perSecond: number;
      ok: number;
      failed: number;
      faceUnavailable: number;
      serverCpuMs: number;
      pgCpuMs: number;
      statements?: number;
    }
    const measure = async (
      server: Server,
      form: Form,
      countStatements: boolean,
    ): Promise<Window> => {
      if (server !== 'api') await db.query(`TRUNCATE bench_upload`);
      await load(sendTo(server, form), 2); // warm-up: JIT, pools filled
      // Backends report their counters when idle for 10 s at the latest: wait around the window.
      const settle = () => new Promise((done) => setTimeout(done, 11_500));
      if (countStatements) await settle();
      const pg = await backends();
      const commitsBefore = countStatements ? await commits() : 0;
      const before = { server: cpuMsOf([pidOf[server]]), pg: cpuMsOf(pg) };
      const result = await load(sendTo(server, form), SECONDS);
      const serverCpuMs = cpuMsBetween(before.server, cpuMsOf([pidOf[server]])) / result.ok;
      const pgCpuMs =
        cpuMsBetween(before.pg, cpuMsOf([...new Set([...pg, ...(await backends())])])) / result.ok;
      let statements: number | undefined;
      if (countStatements) {
        await settle();
        statements = ((await commits()) - commitsBefore) / result.ok;
      }
      return {
        ...result,
        faceUnavailable: faceUnavailable / Math.max(1, result.ok),
        serverCpuMs,
        pgCpuMs,
        statements,
      };
    };

    const loadBefore = loadavg();
    const results: { photo: string; runs: Record<Server, Window>[] }[] = [];
    for (const [index, photo] of photos.entries()) {
      const runs: Record<Server, Window>[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const first = index === 0 && run === 0;
        const window = {
          api: await measure('api', forms[index], first),
          insert: await measure('insert', forms[index], first),
          decode: await measure('decode', forms[index], first),
          detect: await measure('detect', forms[index], first),
        };
        console.log(photo.name, `run ${run + 1}:`, JSON.stringify(window));
        runs.push(window);
      }
      results.push({ photo: photo.name, runs });
    }
    const loadAfter = loadavg();
    const stored = (
      await db.query(
        `SELECT count(*)::int AS n FROM stored_image WHERE piece = 'PHOTO' AND state = 'DRAFT'`,
      )
    ).rows[0].n;
    const storedCopies = (
      await db.query(`SELECT count(*)::int AS n FROM stored_image WHERE display_jpeg IS NOT NULL`)
    ).rows[0].n;

    let profileSummary = '';
    if (PROFILE) {
      await started.stop();
      children.shift();
      // CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: thread 0 is the main thread (the others are the PDF workers).
      const file = readdirSync(profileDir).find((entry) =>
        /\.\d+\.0\.\d+\.cpuprofile$/.test(entry),
      );
      if (file)
        profileSummary = summariseCpuProfile(
          JSON.parse(readFileSync(join(profileDir, file), 'utf8')),
        );
      console.log(`CPU profile: ${join(profileDir, file ?? '(none)')}\n${profileSummary}`);
      // The worker threads' profiles (face detector, PDF workers): their busy time, to set beside the main thread's.
      for (const other of readdirSync(profileDir).filter(
        (entry) => entry.endsWith('.cpuprofile') && entry !== file,
      )) {
        console.log(
          `Worker thread profile ${other}:\n${summariseCpuProfile(JSON.parse(readFileSync(join(profileDir, other), 'utf8')), 8, 'the thread')}`,
        );
      }
    }

    const fmt = (value: number, digits = 1) => value.toFixed(digits);
    const line = (label: string, windows: Window[]) =>
      `| ${label} | ${fmt(median(windows.map((w) => w.perSecond)))} | ${windows.map((w) => fmt(w.perSecond, 0)).join(', ')} | ` +
      `${fmt(median(windows.map((w) => w.serverCpuMs)), 2)} | ${fmt(median(windows.map((w) => w.pgCpuMs)), 2)} | ` +
      `${windows.reduce((sum, w) => sum + w.failed, 0)} |`;
    const SERVER_LINES: [string, Server][] = [
      ['bare Node: receive, INSERT (insert-only)', 'insert'],
      [
        'bare Node: multipart, sharp full decode, SHA-256, INSERT original + hash (decode-and-insert)',
        'decode',
      ],
      [
        'the API: session + CSRF, multipart, full verdict and warnings, original + SHA-256 + figures stored',
        'api',
      ],
      [
        'reading aid, not a baseline to meet: decode-and-insert + the same face detection on every upload (decode-detect-and-insert)',
        'detect',
      ],
    ];
    const tables = results
      .map(({ photo, runs }) => {
        const ratios = runs.map((run) => run.api.perSecond / run.decode.perSecond);
        const ratio = median(ratios);
        const withFaces = runs.map((run) => run.api.perSecond / run.detect.perSecond);
        const unavailable = runs
          .map((run) => `${fmt(run.api.faceUnavailable * 100, 0)} %`)
          .join(', ');
        return `### ${photo}

| server | uploads/s (median) | each run | server CPU ms / upload | PostgreSQL CPU ms / upload | failed |
|---|---:|---|---:|---:|---:|
${SERVER_LINES.map(([label, key]) =>
  line(
    label,
    runs.map((r) => r[key]),
  ),
).join('\n')}

API / decode-and-insert: **${fmt(ratio * 100, 0)} %** (median of the runs' ratios; each run: ${ratios.map((r) => `${fmt(r * 100, 0)} %`).join(', ')}); target at least 70 %: ${ratio >= 0.7 ? 'met' : 'NOT met'}.
API verdicts whose face analysis did not finish within its deadline (FACE_ANALYSIS_UNAVAILABLE), each run: ${unavailable}.
With the face detection counted on both sides, API / decode-detect-and-insert: ${fmt(median(withFaces) * 100, 0)} % (each run: ${withFaces.map((r) => `${fmt(r * 100, 0)} %`).join(', ')}): not the target's figure; it shows what the framework, the checks and the statistics cost only when the share above is low (a verdict without face analysis skipped most of the detection the reading aid always pays).
API / insert-only: ${fmt((median(runs.map((r) => r.api.perSecond)) / median(runs.map((r) => r.insert.perSecond))) * 100, 0)} %.`;
      })
      .join('\n\n');
    const firstRun = results[0].runs[0];
    const section = `## Upload throughput

Measured with \`npm run bench:upload -- --write-doc${PROFILE ? ' --profile' : ''}\` (tools/bench/upload-bench.ts)
on PostgreSQL, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${new Date().toISOString().slice(0, 10)};
${CLIENTS} concurrent clients, ${RUNS} runs of ${SECONDS} s per server and photo (after 2 s of warm-up each), the four
servers measured one after the other within each run, load generator on the same machine.
Machine load average (1 min) ${fmt(loadBefore[0], 2)} before the runs and ${fmt(loadAfter[0], 2)} after${PROFILE ? '; the API ran under `node --cpu-prof`' : ''}.
CPU per upload is user + system time of every thread, read from /proc: of the server's one process, and of the
PostgreSQL backends of the bench's database (WAL writer and checkpointer not counted).

${tables}

Statements per upload (transactions committed in the database per accepted upload, first run):
API ${fmt(firstRun.api.statements ?? 0, 2)}, insert-only ${fmt(firstRun.insert.statements ?? 0, 2)}, decode-and-insert ${fmt(firstRun.decode.statements ?? 0, 2)}
(the API's outbox poller and scheduler add about one a second). Each accepted upload replaced its driver's draft:
${stored} drafts at the end, one per client; display copies stored: ${storedCopies} (an upright JPEG's is derived on read).
${profileSummary ? `\nWhere the API's main thread spends its time (\`--cpu-prof\`, self time by package, idle excluded):\n\n${profileSummary}\n` : ''}
`;
    console.log(section);
    if (process.argv.includes('--write-doc')) {
      const doc = resolve(ROOT, 'docs/benchmarks.md');
      const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n';
      const pattern = /## Upload throughput\n[\s\S]*?(?=\n## |$)/;
      writeFileSync(
        doc,
        pattern.test(text)
          ? text.replace(pattern, section.trimEnd() + '\n')
          : `${text.trimEnd()}\n\n${section}`,
      );
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await db.end().catch(() => undefined);
    await new Promise((done) => setTimeout(done, 1000));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
