import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { Environment } from '../config/environment';
import { ENTITIES } from './entities';
import { engineOf } from './engine';
import { MIGRATIONS } from './migrations';
import { postgresPoolOptions, type PostgresTimeouts } from './postgres-pool';

export interface DatabaseSettings extends Partial<PostgresTimeouts> {
  DATABASE_URL?: string;
  SQLITE_PATH: string;
  MIGRATIONS_RUN: boolean;
}

/** TypeORM options for either engine; the schema only ever changes through migrations. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: settings.MIGRATIONS_RUN,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
  };
  if (engineOf(settings.DATABASE_URL) === 'postgres') {
    // The tools that build their own settings get the defaults of Environment.
    const defaults = new Environment();
    const timeouts: PostgresTimeouts = {
      DATABASE_CONNECT_TIMEOUT_MS:
        settings.DATABASE_CONNECT_TIMEOUT_MS ?? defaults.DATABASE_CONNECT_TIMEOUT_MS,
      DATABASE_POOL_ACQUIRE_TIMEOUT_MS:
        settings.DATABASE_POOL_ACQUIRE_TIMEOUT_MS ?? defaults.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
      DATABASE_STATEMENT_TIMEOUT_MS:
        settings.DATABASE_STATEMENT_TIMEOUT_MS ?? defaults.DATABASE_STATEMENT_TIMEOUT_MS,
    };
    return {
      ...common,
      type: 'postgres',
      url: settings.DATABASE_URL,
      extra: postgresPoolOptions(timeouts),
    };
  }
  if (settings.SQLITE_PATH !== ':memory:')
    mkdirSync(dirname(settings.SQLITE_PATH), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: settings.SQLITE_PATH,
    // WAL lets readers work during a write; the busy timeout makes concurrent writers wait, not fail.
    prepareDatabase: (db: { pragma(statement: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}
