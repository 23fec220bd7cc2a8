import { DataSource, QueryRunner } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { MIGRATIONS } from './migrations';
import { SEARCH_TRIGRAM_INDEX } from './migrations/1764720000000-backoffice-search-and-counts';
import { IDENTIFIER_SEARCH_INDEXES } from './migrations/1764900000001-identifier-search';
import { describeWithPostgres } from '../testing/describe-with-postgres';
import { createPostgresDatabase } from '../testing/postgres';
import { createSqliteDatabase } from '../testing/test-database';

interface SchemaShape {
  tables: Record<
    string,
    {
      columns: string[];
      nullable: string[];
      indices: string[];
      uniques: string[];
      foreignKeys: string[];
      checks: number;
    }
  >;
}

const TABLES = [
  'prefecture',
  'agent',
  'driver',
  'card_application',
  'image_request',
  'stored_image',
  'audit_entry',
  'outbox_email',
  'sign_in_token',
  'auth_session',
  'rate_limit_event',
  'request_count',
  'team_audit_entry',
  'request_stat',
  'request_stat_month',
];

/** Indexes one engine has and the other cannot: the pg_trgm GIN index of the search (PostgreSQL only). */
const ENGINE_SPECIFIC_INDEXES = new Set([
  SEARCH_TRIGRAM_INDEX,
  ...Object.keys(IDENTIFIER_SEARCH_INDEXES),
]);

async function shapeOf(runner: QueryRunner): Promise<SchemaShape> {
  const shape: SchemaShape = { tables: {} };
  for (const table of await runner.getTables(TABLES)) {
    const uniqueNames = [
      ...table.uniques.map((u) => [...u.columnNames].sort().join(',')),
      ...table.indices
        .filter((i) => i.isUnique && !i.where)
        .map((i) => [...i.columnNames].sort().join(',')),
      ...table.columns.filter((c) => c.isUnique).map((c) => c.name),
    ];
    shape.tables[table.name] = {
      columns: table.columns.map((c) => c.name).sort(),
      nullable: table.columns
        .filter((c) => c.isNullable)
        .map((c) => c.name)
        .sort(),
      indices: table.indices
        .filter((i) => !(i.isUnique && !i.where) && !ENGINE_SPECIFIC_INDEXES.has(i.name ?? ''))
        .map((i) => i.name ?? '')
        .sort(),
      uniques: [...new Set(uniqueNames)].sort(),
      foreignKeys: table.foreignKeys
        .map((f) => `${f.columnNames.join(',')}->${f.referencedTableName}`)
        .sort(),
      checks: table.checks.length,
    };
  }
  return shape;
}

async function migrate(options: { DATABASE_URL?: string; SQLITE_PATH: string }) {
  // Entities are left out: this test is about the migrations alone, on both engines in one process.
  const dataSource = new DataSource({
    ...dataSourceOptions({ ...options, MIGRATIONS_RUN: false }),
    entities: [],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

describe('migrations', () => {
  it('go up and down on SQLite', async () => {
    const database = createSqliteDatabase();
    const dataSource = await migrate(database.settings);
    const runner = dataSource.createQueryRunner();
    expect(Object.keys((await shapeOf(runner)).tables).sort()).toEqual([...TABLES].sort());
    for (let undone = 0; undone < MIGRATIONS.length; undone += 1)
      await dataSource.undoLastMigration();
    for (const table of TABLES) expect(await runner.hasTable(table)).toBe(false);
    await runner.release();
    await dataSource.destroy();
    await database.drop();
  });
});

describeWithPostgres('migrations on PostgreSQL', () => {
  it('go up and down on PostgreSQL and give the same schema as on SQLite', async () => {
    const postgres = await createPostgresDatabase('t3p_migrations');
    const sqlite = createSqliteDatabase();
    const onPostgres = await migrate({ DATABASE_URL: postgres.url, SQLITE_PATH: ':unused:' });
    const onSqlite = await migrate(sqlite.settings);
    try {
      const pgRunner = onPostgres.createQueryRunner();
      const sqliteRunner = onSqlite.createQueryRunner();
      expect(await shapeOf(pgRunner)).toEqual(await shapeOf(sqliteRunner));
      // Image bytes stored out of line without pglz (they do not compress).
      const storage = await onPostgres.query(
        `SELECT attname AS name, attstorage AS storage FROM pg_attribute
          WHERE attrelid = 'stored_image'::regclass AND attname IN ('original', 'display_jpeg') ORDER BY attname`,
      );
      expect(storage).toEqual([
        { name: 'display_jpeg', storage: 'e' },
        { name: 'original', storage: 'e' },
      ]);
      const pgIndices = (await pgRunner.getTable('card_application'))?.indices.map((i) => i.name);
      expect(pgIndices).toContain(SEARCH_TRIGRAM_INDEX);
      for (let undone = 0; undone < MIGRATIONS.length; undone += 1)
        await onPostgres.undoLastMigration();
      for (const table of TABLES) expect(await pgRunner.hasTable(table)).toBe(false);
      await pgRunner.release();
      await sqliteRunner.release();
    } finally {
      await onPostgres.destroy();
      await onSqlite.destroy();
      await postgres.drop();
      await sqlite.drop();
    }
  });
});
