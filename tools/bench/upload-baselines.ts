/**
 * The two bare servers the upload bench compares the API with (plain Node `http`, no framework,
 * one process each, pool of 20 like the API's), and how it reads CPU time from /proc.
 */
import { readFileSync } from 'node:fs';

/** Receives the body and INSERTs it: no parsing, no decode (what storage alone costs). */
export const INSERT_ONLY_SERVER = `
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

/**
 * The fair baseline: receives the multipart body, takes its one file out, decodes it fully with
 * sharp (failOn 'warning', sequentialRead: what the API's verdict needs at the least), hashes it
 * and INSERTs original + SHA-256. A server that stores a checked upload cannot do less.
 */
export const DECODE_AND_INSERT_SERVER = `
const http = require('node:http');
const { createHash } = require('node:crypto');
const { Pool } = require('pg');
const sharp = require('sharp');
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const fail = (response, status) => { response.writeHead(status); response.end(); };
http.createServer((request, response) => {
  const boundary = /boundary=([^;]+)/.exec(String(request.headers['content-type']))?.[1];
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    try {
      const body = Buffer.concat(chunks);
      const start = body.indexOf('\\r\\n\\r\\n') + 4;
      const end = body.indexOf('\\r\\n--' + boundary, start);
      if (!boundary || start < 4 || end < 0) return fail(response, 400);
      const file = body.subarray(start, end);
      await sharp(file, { failOn: 'warning', sequentialRead: true }).raw().toBuffer();
      const sha256 = createHash('sha256').update(file).digest('hex');
      await pool.query('INSERT INTO bench_upload (id, body, sha256) VALUES (gen_random_uuid(), $1, $2)', [file, sha256]);
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ sha256 }));
    } catch {
      fail(response, 422);
    }
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/** CPU time (user + system, every thread) of each of these processes that is alive, in ms. */
export function cpuMsOf(pids: number[]): Map<number, number> {
  const times = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      times.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND); // utime, stime
    } catch {
      // exited
    }
  }
  return times;
}

/**
 * CPU ms spent between two readings: by the processes alive at both, plus the whole time of those
 * that appeared in between (a pool's new connections). A process gone before the end is lost.
 */
export function cpuMsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, end] of after) total += end - (before.get(pid) ?? 0);
  return total;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
