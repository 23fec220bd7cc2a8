/**
 * Upload throughput on PostgreSQL at 50 concurrent clients: the real API (production build, Nest
 * on Fastify, signed-in drivers, CSRF, multipart, full verdict, storage of the original, hash,
 * figures and display JPEG) against a bare Node HTTP server that receives the same body and
 * inserts it into the same database, in the same run.
 *
 *   npm run bench:upload -- [--seconds 10] [--clients 50] [--write-doc]
 *
 * Creates its own database on PG_TEST_URL's server (default postgres://postgres@127.0.0.1:5432/postgres)
 * and drops it afterwards. With --write-doc, replaces the "Upload throughput" section of docs/benchmarks.md.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { Client } from 'pg';
import sharp from 'sharp';
import { linkIn, waitForEmail } from '../../libs/e2e-kit/src/lib/mailbox';
import { startBuiltApi } from '../../apps/api/src/testing/built-api';
import { freePort } from '../../apps/api/src/testing/free-port';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SECONDS = argument('seconds', 10);
const CLIENTS = argument('clients', 50);
const ROOT = resolve(__dirname, '../..');

/** A valid identity photo of a realistic weight: 35 × 45 mm at 300 DPI, some texture, under 80 Ko. */
async function samplePhoto(): Promise<Buffer> {
  const width = 413;
  const height = 531;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = 150 + ((i * 7919) % 61) + (randomBytes(1)[0] % 24);
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 70 }).withMetadata({ density: 300 }).toBuffer();
}

function multipart(bytes: Buffer): { body: Uint8Array<ArrayBuffer>; contentType: string } {
  const boundary = `----t3pbench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: new Uint8Array(Buffer.concat([head, bytes, tail])), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function waitUntilUp(url: string): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    if (await fetch(url).then((r) => r.status < 500).catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`${url} did not answer`);
}

/** CLIENTS loops, each sending its request again as soon as the previous answer came back. */
async function load(send: (client: number) => Promise<boolean>): Promise<{ perSecond: number; ok: number; failed: number }> {
  let ok = 0;
  let failed = 0;
  const end = Date.now() + SECONDS * 1000;
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

const BARE_SERVER = `
const http = require('node:http');
const { Pool } = require('pg');
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    pool.query('INSERT INTO bench_upload (id, body) VALUES (gen_random_uuid(), $1)', [Buffer.concat(chunks)])
      .then(() => { response.writeHead(201, { 'content-type': 'application/json' }); response.end('{"stored":true}'); })
      .catch(() => { response.writeHead(500); response.end(); });
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

async function main(): Promise<void> {
  if (!existsSync(resolve(ROOT, 'dist/apps/api/main.js'))) throw new Error('Build the API first: npx nx build api');
  const server = new URL(process.env['PG_TEST_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `t3p_bench_upload_${process.pid}`;
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  const children: ChildProcess[] = [];
  const db = new Client({ connectionString: url.toString() });
  try {
    const started = await startBuiltApi({
      ...process.env, NODE_ENV: 'development', DATABASE_URL: url.toString(), DEMO_DATA: 'true', LOG_LEVEL: 'warn', SCHEDULER_ENABLED: 'true',
      OUTBOX_POLL_SECONDS: '1', SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '100000',
    });
    children.push(started.child);
    const api = started.url;
    await db.connect();

    // One driver with a pending photo request per client, so that uploads do not queue on one row.
    const [{ id: prefectureId }] = (await db.query(`SELECT id FROM prefecture WHERE departement = '59'`)).rows;
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
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reference: `bench-ref-${i}` }),
      });
      const email = await waitForEmail(api, { to: `upload${i}@bench.example`, kind: 'SIGN_IN_LINK', since, timeoutMs: 30_000 });
      const token = new URL(linkIn(email, '/connexion/lien/')).pathname.split('/').pop();
      const signedIn = await fetch(`${api}/api/auth/sign-in`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }),
      });
      if (!signedIn.ok) throw new Error(`Sign-in failed: ${signedIn.status} ${await signedIn.text()}`);
      const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
      const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
      const request = (await (await fetch(`${api}/api/driver/request`, { headers: { cookie } })).json()) as { currentTermsVersion: string };
      const terms = await fetch(`${api}/api/driver/request/terms`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ termsVersion: request.currentTermsVersion }),
      });
      if (!terms.ok) throw new Error(`Terms refused: ${terms.status} ${await terms.text()}`);
      sessions.push({ cookie, csrf: csrfToken });
    }

    const photo = await samplePhoto();
    const { body, contentType } = multipart(photo);
    const first = await fetch(`${api}/api/driver/request/images/photo`, {
      method: 'PUT', headers: { cookie: sessions[0].cookie, 'x-csrf-token': sessions[0].csrf, 'content-type': contentType }, body,
    });
    if (first.status !== 201) throw new Error(`The sample photo was not accepted: ${first.status} ${await first.text()}`);

    const apiResult = await load(async (client) => {
      const response = await fetch(`${api}/api/driver/request/images/photo`, {
        method: 'PUT',
        headers: { cookie: sessions[client].cookie, 'x-csrf-token': sessions[client].csrf, 'content-type': contentType },
        body,
      });
      await response.arrayBuffer();
      return response.status === 201;
    });
    const stored = (await db.query(`SELECT count(*)::int AS n FROM stored_image WHERE piece = 'PHOTO' AND state = 'DRAFT'`)).rows[0].n;
    children.shift()?.kill('SIGTERM');

    // The baseline: a bare Node server that takes the same body and inserts it into the same database.
    await db.query(`CREATE TABLE bench_upload (id uuid PRIMARY KEY, body bytea NOT NULL)`);
    const barePort = await freePort();
    const bare = spawn(process.execPath, ['-e', BARE_SERVER], {
      cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PORT: String(barePort), DATABASE_URL: url.toString() },
    });
    children.push(bare);
    await waitUntilUp(`http://127.0.0.1:${barePort}/`);
    await db.query(`TRUNCATE bench_upload`);
    const bareResult = await load(async () => {
      const response = await fetch(`http://127.0.0.1:${barePort}/upload`, { method: 'PUT', headers: { 'content-type': contentType }, body });
      await response.arrayBuffer();
      return response.status === 201;
    });

    // The ceiling any server that fully decodes each upload can reach here: the decode's CPU time
    // alone (one decode at a time, libvips on one thread), spread over every core, nothing else.
    sharp.concurrency(1);
    for (let i = 0; i < 20; i += 1) await sharp(photo).raw().toBuffer();
    const decodeStart = performance.now();
    const DECODES = 300;
    for (let i = 0; i < DECODES; i += 1) await sharp(photo).raw().toBuffer();
    const decodeMs = (performance.now() - decodeStart) / DECODES;
    const decodeCeiling = (cpus().length * 1000) / decodeMs;

    const ratio = apiResult.perSecond / bareResult.perSecond;
    const section = `## Upload throughput

Measured with \`npm run bench:upload -- --write-doc\`
on PostgreSQL, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${new Date().toISOString().slice(0, 10)};
${CLIENTS} concurrent clients for ${SECONDS} s each, the same multipart body (a valid photo of ${photo.length.toLocaleString('en')} bytes),
load generator on the same machine.

| server | uploads per second | answered OK | failed |
|---|---:|---:|---:|
| bare Node HTTP server: receive the body, INSERT it (baseline) | ${bareResult.perSecond.toFixed(1)} | ${bareResult.ok} | ${bareResult.failed} |
| the API: session + CSRF, multipart, full verdict, original + SHA-256 + figures + display JPEG stored | ${apiResult.perSecond.toFixed(1)} | ${apiResult.ok} | ${apiResult.failed} |

The API sustains **${(ratio * 100).toFixed(0)} %** of the baseline's throughput (target: at least 40 %): ${ratio >= 0.4 ? 'met' : 'NOT met'}.
Each accepted upload replaced its driver's draft: ${stored} drafts at the end, one per client.

The ceiling of any server that fully decodes the upload, measured in the same run: one bare
\`sharp(photo).raw().toBuffer()\` of this photo takes ${decodeMs.toFixed(2)} ms of CPU (libvips on one thread, one at a time), so
${cpus().length} cores decode at most **${decodeCeiling.toFixed(0)} photos per second** even if nothing else ran — neither the HTTP
server, nor PostgreSQL, nor the load generator that share the cores. That is
**${((decodeCeiling / bareResult.perSecond) * 100).toFixed(0)} %** of the baseline: ${decodeCeiling / bareResult.perSecond < 0.4 ? 'below the 40 % target, so on this machine the target cannot be met by a server that decodes every upload fully, which the same issue requires (a truncated JPEG whose header reads fine must be CORRUPT)' : 'above the 40 % target, which a leaner API could therefore reach'}.

What was done for this figure: the display copy of an upright JPEG is the original with its
metadata segments cut out (lossless, no second sharp pass; a rotated JPEG is still re-encoded),
and the draft is stored with one \`INSERT … ON CONFLICT … DO UPDATE\` instead of a read and a save.
Before these changes the API reached 11 % of the baseline, measured on a machine shared with a CI
run (no idle figure of that version was taken); runs of this version on the idle machine vary
between about 90 and 120 uploads per second (7–8 %). What remains per upload besides the decode,
in the API process: Fastify and Nest, the multipart parser, the session lookup, the request's
state, the upsert of about 70 kB (original and display copy), and the JSON answer.
`;
    console.log(section);
    if (process.argv.includes('--write-doc')) {
      const doc = resolve(ROOT, 'docs/benchmarks.md');
      const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n';
      const pattern = /## Upload throughput\n[\s\S]*?(?=\n## |$)/;
      writeFileSync(doc, pattern.test(text) ? text.replace(pattern, section.trimEnd() + '\n') : `${text.trimEnd()}\n\n${section}`);
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
