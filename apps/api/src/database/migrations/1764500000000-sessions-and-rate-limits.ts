import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { SUBJECT_TYPES } from '@t3p/contracts';
import { DatabaseEngine } from '../engine';

const inList = (column: string, values: readonly string[]) =>
  `${column} IN (${values.map((value) => `'${value}'`).join(', ')})`;

/** Sessions kept on the server (the cookie holds a random id, the table its hash) and rate-limit counts. */
export class SessionsAndRateLimits1764500000000 implements MigrationInterface {
  name = 'SessionsAndRateLimits1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const engine: DatabaseEngine =
      queryRunner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
    });
    const timestamp = (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: engine === 'postgres' ? 'timestamptz' : 'datetime',
      isNullable: nullable,
    });

    await queryRunner.createTable(
      new Table({
        name: 'auth_session',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('token_hash', 64),
          text('subject_type', 6),
          text('subject_id', 36),
          text('csrf_token', 64),
          timestamp('created_at'),
          timestamp('last_seen_at'),
          timestamp('expires_at'),
          timestamp('revoked_at', true),
        ],
        uniques: [{ name: 'uq_auth_session_token_hash', columnNames: ['token_hash'] }],
        checks: [
          { name: 'ck_auth_session_subject', expression: inList('subject_type', SUBJECT_TYPES) },
        ],
        indices: [
          new TableIndex({
            name: 'idx_auth_session_subject',
            columnNames: ['subject_type', 'subject_id'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'rate_limit_event',
        columns: [{ ...text('id', 36), isPrimary: true }, text('bucket', 80), timestamp('at')],
        indices: [
          new TableIndex({ name: 'idx_rate_limit_event_bucket', columnNames: ['bucket', 'at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('rate_limit_event');
    await queryRunner.dropTable('auth_session');
  }
}
