import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumnOptions,
  TableForeignKey,
  TableIndex,
} from 'typeorm';
import {
  ACTOR_TYPES,
  CARD_APPLICATION_STATES,
  CARD_TYPES,
  CIVILITIES,
  EMAIL_KINDS,
  IMAGE_REQUEST_STATES,
  OPEN_IMAGE_REQUEST_STATES,
  OUTBOX_STATES,
  PIECES,
  STORED_IMAGE_STATES,
  SUBJECT_TYPES,
} from '@t3p/contracts';
import { DatabaseEngine } from '../engine';

/** Column helpers over TypeORM's dialect-neutral schema API; the two engines differ only here. */
class Columns {
  constructor(private readonly engine: DatabaseEngine) {}

  id(name = 'id'): TableColumnOptions {
    return { name, type: 'varchar', length: '36', isPrimary: true };
  }
  ref(name: string, nullable = false): TableColumnOptions {
    return { name, type: 'varchar', length: '36', isNullable: nullable };
  }
  text(name: string, length: number, nullable = false): TableColumnOptions {
    return { name, type: 'varchar', length: String(length), isNullable: nullable };
  }
  longText(name: string): TableColumnOptions {
    return { name, type: 'text' };
  }
  bool(name: string, defaultValue?: boolean): TableColumnOptions {
    return {
      name,
      type: 'boolean',
      ...(defaultValue === undefined
        ? {}
        : { default: this.engine === 'postgres' ? String(defaultValue) : defaultValue ? 1 : 0 }),
    };
  }
  int(name: string, defaultValue?: number): TableColumnOptions {
    return {
      name,
      type: 'integer',
      ...(defaultValue === undefined ? {} : { default: defaultValue }),
    };
  }
  timestamp(name: string, nullable = false, defaultNow = false): TableColumnOptions {
    return {
      name,
      type: this.engine === 'postgres' ? 'timestamptz' : 'datetime',
      isNullable: nullable,
      ...(defaultNow
        ? { default: this.engine === 'postgres' ? 'now()' : "(datetime('now'))" }
        : {}),
    };
  }
  binary(name: string, nullable = false): TableColumnOptions {
    return { name, type: this.engine === 'postgres' ? 'bytea' : 'blob', isNullable: nullable };
  }
}

const inList = (column: string, values: readonly string[]) =>
  `${column} IN (${values.map((value) => `'${value}'`).join(', ')})`;

const fk = (
  from: string,
  column: string,
  table: string,
  onDelete: 'RESTRICT' | 'CASCADE' | 'SET NULL' = 'RESTRICT',
) =>
  new TableForeignKey({
    name: `fk_${from}_${column}`.slice(0, 63),
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete,
  });

export class InitialSchema1764400000000 implements MigrationInterface {
  name = 'InitialSchema1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const engine: DatabaseEngine =
      queryRunner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const c = new Columns(engine);

    await queryRunner.createTable(
      new Table({
        name: 'prefecture',
        columns: [
          c.id(),
          c.text('departement', 3),
          c.text('name', 120),
          c.timestamp('created_at', false, true),
        ],
        uniques: [{ name: 'uq_prefecture_departement', columnNames: ['departement'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'agent',
        columns: [
          c.id(),
          c.ref('prefecture_id'),
          c.text('email', 254),
          c.text('first_name', 100),
          c.text('last_name', 100),
          c.bool('active', true),
          c.timestamp('created_at', false, true),
        ],
        uniques: [{ name: 'uq_agent_email', columnNames: ['email'] }],
        foreignKeys: [fk('agent', 'prefecture_id', 'prefecture')],
        indices: [{ name: 'idx_agent_prefecture', columnNames: ['prefecture_id'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'driver',
        columns: [
          c.id(),
          c.text('driver_identifier', 20),
          c.text('civility', 3),
          c.text('last_name', 100),
          c.text('first_name', 100),
          c.text('email', 254),
          c.text('address_line1', 200),
          c.text('address_line2', 200, true),
          c.text('postal_code', 10),
          c.text('city', 100),
          c.timestamp('purged_at', true),
          c.timestamp('created_at', false, true),
        ],
        uniques: [{ name: 'uq_driver_identifier', columnNames: ['driver_identifier'] }],
        checks: [{ name: 'ck_driver_civility', expression: inList('civility', CIVILITIES) }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'card_application',
        columns: [
          c.id(),
          c.ref('driver_id'),
          c.ref('prefecture_id'),
          c.text('card_type', 5),
          c.text('card_number', 24),
          c.text('state', 20),
          c.timestamp('card_valid_until', true),
          c.timestamp('created_at', false, true),
          c.timestamp('updated_at', false, true),
        ],
        uniques: [{ name: 'uq_card_application_number', columnNames: ['card_number'] }],
        checks: [
          { name: 'ck_card_application_type', expression: inList('card_type', CARD_TYPES) },
          {
            name: 'ck_card_application_state',
            expression: inList('state', CARD_APPLICATION_STATES),
          },
        ],
        foreignKeys: [
          fk('card_application', 'driver_id', 'driver'),
          fk('card_application', 'prefecture_id', 'prefecture'),
        ],
        indices: [
          { name: 'idx_card_application_driver', columnNames: ['driver_id'] },
          {
            name: 'idx_card_application_prefecture',
            columnNames: ['prefecture_id', 'created_at', 'id'],
          },
          { name: 'idx_card_application_valid_until', columnNames: ['card_valid_until'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'image_request',
        columns: [
          c.id(),
          c.ref('application_id'),
          c.ref('prefecture_id'),
          c.text('card_type', 5),
          c.text('access_ref', 64),
          c.bool('photo_requested'),
          c.bool('signature_requested'),
          c.text('reason_code', 40),
          c.text('reason_text', 1000),
          c.text('state', 12),
          c.ref('created_by_agent_id', true),
          c.ref('previous_request_id', true),
          c.timestamp('created_at'),
          c.timestamp('reminded_at', true),
          c.timestamp('submitted_at', true),
          c.timestamp('decided_at', true),
          c.timestamp('cancelled_at', true),
          c.timestamp('terms_accepted_at', true),
          c.text('terms_version', 20, true),
        ],
        uniques: [{ name: 'uq_image_request_access_ref', columnNames: ['access_ref'] }],
        checks: [
          { name: 'ck_image_request_state', expression: inList('state', IMAGE_REQUEST_STATES) },
          { name: 'ck_image_request_card_type', expression: inList('card_type', CARD_TYPES) },
          { name: 'ck_image_request_pieces', expression: 'photo_requested OR signature_requested' },
        ],
        foreignKeys: [
          fk('image_request', 'application_id', 'card_application'),
          fk('image_request', 'prefecture_id', 'prefecture'),
          fk('image_request', 'created_by_agent_id', 'agent', 'SET NULL'),
          fk('image_request', 'previous_request_id', 'image_request', 'SET NULL'),
        ],
        indices: [
          // One open request per application, enforced by the schema itself.
          new TableIndex({
            name: 'uq_image_request_one_open',
            columnNames: ['application_id'],
            isUnique: true,
            where: inList('state', OPEN_IMAGE_REQUEST_STATES),
          }),
          new TableIndex({
            name: 'idx_image_request_application',
            columnNames: ['application_id', 'created_at'],
          }),
          // Back-office: a préfecture's requests by state, newest first, keyset on (created_at, id).
          new TableIndex({
            name: 'idx_image_request_backoffice',
            columnNames: ['prefecture_id', 'state', 'created_at', 'id'],
          }),
          new TableIndex({
            name: 'idx_image_request_prefecture_created',
            columnNames: ['prefecture_id', 'created_at', 'id'],
          }),
          // Scheduler: PENDING requests by creation date (reminder), REMINDED by reminder date (cancellation).
          new TableIndex({
            name: 'idx_image_request_due_reminder',
            columnNames: ['created_at'],
            where: "state = 'PENDING'",
          }),
          new TableIndex({
            name: 'idx_image_request_due_cancellation',
            columnNames: ['reminded_at'],
            where: "state = 'REMINDED'",
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'stored_image',
        columns: [
          c.id(),
          c.ref('request_id'),
          c.text('piece', 10),
          c.text('state', 10),
          c.text('format', 5),
          c.binary('original'),
          c.text('sha256', 64),
          c.int('byte_size'),
          c.longText('measured'),
          c.binary('display_jpeg', true),
          c.text('rejection_reason', 1000, true),
          c.timestamp('uploaded_at'),
          c.timestamp('decided_at', true),
        ],
        uniques: [{ name: 'uq_stored_image_request_piece', columnNames: ['request_id', 'piece'] }],
        checks: [
          { name: 'ck_stored_image_piece', expression: inList('piece', PIECES) },
          { name: 'ck_stored_image_state', expression: inList('state', STORED_IMAGE_STATES) },
          { name: 'ck_stored_image_format', expression: inList('format', ['jpeg', 'pdf']) },
        ],
        foreignKeys: [fk('stored_image', 'request_id', 'image_request', 'CASCADE')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          c.id(),
          c.ref('application_id'),
          c.ref('request_id', true),
          c.text('actor_type', 6),
          c.ref('actor_id', true),
          c.text('action', 40),
          c.text('from_state', 20, true),
          c.text('to_state', 20, true),
          c.text('reason', 1000, true),
          c.timestamp('at'),
        ],
        checks: [{ name: 'ck_audit_entry_actor', expression: inList('actor_type', ACTOR_TYPES) }],
        foreignKeys: [fk('audit_entry', 'application_id', 'card_application', 'CASCADE')],
        indices: [{ name: 'idx_audit_entry_application', columnNames: ['application_id', 'at'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'outbox_email',
        columns: [
          c.id(),
          c.text('kind', 20),
          c.text('dedupe_key', 120),
          c.ref('application_id', true),
          c.ref('request_id', true),
          c.text('to_address', 254),
          c.text('subject', 300),
          c.longText('html'),
          c.longText('text'),
          c.text('state', 10),
          c.int('attempts', 0),
          c.timestamp('next_attempt_at'),
          c.text('claimed_by', 64, true),
          c.text('last_error', 500, true),
          c.timestamp('created_at'),
          c.timestamp('sent_at', true),
        ],
        uniques: [{ name: 'uq_outbox_email_dedupe', columnNames: ['dedupe_key'] }],
        checks: [
          { name: 'ck_outbox_email_kind', expression: inList('kind', EMAIL_KINDS) },
          { name: 'ck_outbox_email_state', expression: inList('state', OUTBOX_STATES) },
        ],
        indices: [
          new TableIndex({
            name: 'idx_outbox_email_due',
            columnNames: ['next_attempt_at'],
            where: "state IN ('PENDING', 'SENDING')",
          }),
          new TableIndex({
            name: 'idx_outbox_email_application',
            columnNames: ['application_id', 'created_at'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'sign_in_token',
        columns: [
          c.id(),
          c.text('token_hash', 64),
          c.text('subject_type', 6),
          c.ref('subject_id'),
          c.timestamp('created_at'),
          c.timestamp('expires_at'),
          c.timestamp('consumed_at', true),
          c.timestamp('superseded_at', true),
        ],
        uniques: [{ name: 'uq_sign_in_token_hash', columnNames: ['token_hash'] }],
        checks: [
          { name: 'ck_sign_in_token_subject', expression: inList('subject_type', SUBJECT_TYPES) },
        ],
        indices: [
          {
            name: 'idx_sign_in_token_subject',
            columnNames: ['subject_type', 'subject_id', 'created_at'],
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'sign_in_token',
      'outbox_email',
      'audit_entry',
      'stored_image',
      'image_request',
      'card_application',
      'driver',
      'agent',
      'prefecture',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
