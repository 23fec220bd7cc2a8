import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase, usesPostgres } from './postgres';

export interface TestDatabase {
  /** The environment variables that point the API at this database. */
  settings: { DATABASE_URL?: string; SQLITE_PATH: string };
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: on the PostgreSQL server of DATABASE_URL when it
 * is set (the suite's PostgreSQL run), else a new SQLite file.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (usesPostgres()) {
    const database = await createPostgresDatabase();
    return {
      settings: { DATABASE_URL: database.url, SQLITE_PATH: ':unused:' },
      drop: database.drop,
    };
  }
  return createSqliteDatabase();
}

/** A new SQLite file in a temporary folder, whatever engine the suite runs on. */
export function createSqliteDatabase(): TestDatabase & { settings: { SQLITE_PATH: string } } {
  const dir = mkdtempSync(join(tmpdir(), 't3p-test-'));
  return {
    settings: { SQLITE_PATH: join(dir, 't3p.sqlite') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
