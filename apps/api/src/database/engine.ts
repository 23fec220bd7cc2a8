/**
 * The two engines the schema runs on. Timestamps map portably (`type: Date`); binary columns
 * do not (bytea vs blob), so their entity type is chosen from DATABASE_URL when entities load:
 * one process talks to one engine.
 */
export type DatabaseEngine = 'sqlite' | 'postgres';

export function engineOf(databaseUrl: string | undefined): DatabaseEngine {
  return databaseUrl && /^postgres(ql)?:/.test(databaseUrl) ? 'postgres' : 'sqlite';
}

export function binaryColumnType(engine = engineOf(process.env['DATABASE_URL'])) {
  return engine === 'postgres' ? 'bytea' : 'blob';
}
