import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * A statement of a hot path (every signed-in request, every upload), with named parameters. On
 * PostgreSQL it is a named prepared statement sent to the pool TypeORM holds: each connection
 * parses and plans it once, then only binds and executes it, and no ORM layer sits in between.
 * On SQLite it goes through TypeORM (better-sqlite3 is in-process: nothing to save). `name` must
 * always come with the same `sql`.
 */
export async function preparedQuery<T>(
  dataSource: DataSource,
  name: string,
  sql: string,
  parameters: Record<string, unknown>,
): Promise<T[]> {
  const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, parameters, {});
  if (dataSource.options.type === 'postgres') {
    const pool = (dataSource.driver as PostgresDriver).master as Pool;
    return (await pool.query({ name, text, values })).rows as T[];
  }
  return (await dataSource.query(text, values)) as T[];
}
