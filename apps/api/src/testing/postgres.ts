import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL server the tests create their databases on. */
export function postgresServerUrl(): string {
  const fromEnv = process.env['DATABASE_URL'];
  if (fromEnv && /^postgres(ql)?:/.test(fromEnv)) return fromEnv;
  return process.env['PG_TEST_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function usesPostgres(): boolean {
  return /^postgres(ql)?:/.test(process.env['DATABASE_URL'] ?? '');
}

let availability: Promise<boolean> | undefined;

async function probe(): Promise<boolean> {
  const client = new Client({
    connectionString: postgresServerUrl(),
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether the tests that need PostgreSQL can run. Under CI=true an absent server is a failure,
 * never a silent skip; elsewhere those tests are skipped with a warning.
 */
export async function postgresAvailable(): Promise<boolean> {
  availability ??= probe();
  const available = await availability;
  if (!available && process.env['CI'] === 'true') {
    throw new Error(
      `PostgreSQL is required under CI=true but ${redact(postgresServerUrl())} does not answer.`,
    );
  }
  if (!available)
    console.warn(
      `PostgreSQL not reachable at ${redact(postgresServerUrl())}: its tests are skipped.`,
    );
  return available;
}

/** The same probe, synchronously (in a child process), for choosing `describe` or `describe.skip`. */
export function postgresReachableSync(): boolean {
  const probeScript = `const { Client } = require('pg');
    const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    client.connect().then(() => client.query('SELECT 1')).then(() => process.exit(0), () => process.exit(1));`;
  return (
    spawnSync(process.execPath, ['-e', probeScript, postgresServerUrl()], {
      stdio: 'ignore',
      timeout: 10_000,
    }).status === 0
  );
}

export const redact = (url: string) => url.replace(/\/\/[^@]*@/, '//***@');

/** Creates an empty database on the test server and returns its URL and a drop function. */
export async function createPostgresDatabase(
  prefix = 't3p_test',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: postgresServerUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresServerUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: postgresServerUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
