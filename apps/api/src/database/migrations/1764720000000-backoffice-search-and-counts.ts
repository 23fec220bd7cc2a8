import { searchTextOf } from '@t3p/contracts';
import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/** The one index that exists on PostgreSQL only (pg_trgm); migrations.int.spec.ts allows it by name. */
export const SEARCH_TRIGRAM_INDEX = 'idx_card_application_search_trgm';

/**
 * Back-office at scale (issue 18).
 *
 * - `card_application.search_text`: the driver's names, identifier, card number and email,
 *   folded (searchTextOf), written with the application and erased by the retention purge. On
 *   PostgreSQL a pg_trgm GIN index serves `LIKE '%…%'` on it; SQLite (the development engine)
 *   reads the préfecture's rows.
 * - `request_count`: signed deltas of the number of image requests per (préfecture, state, card
 *   type), written by triggers in the same statement as every insert, state change or delete of
 *   image_request, whoever writes it (API, scheduler, demo data, bulk loads). Rows are only ever
 *   inserted, so concurrent transitions never wait for one another nor deadlock on a hot counter;
 *   RequestCountsRepository folds them into one row per key and checks them against a real count.
 *   On PostgreSQL the triggers are statement-level (transition tables): a bulk insert of a
 *   million rows writes a handful of deltas.
 */
export class BackofficeSearchAndCounts1764720000000 implements MigrationInterface {
  name = 'BackofficeSearchAndCounts1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    await queryRunner.addColumn(
      'card_application',
      new TableColumn({
        name: 'search_text',
        type: 'varchar',
        length: '400',
        isNullable: false,
        default: "''",
      }),
    );
    await this.backfillSearchText(queryRunner);
    if (postgres) {
      await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await queryRunner.query(
        `CREATE INDEX ${SEARCH_TRIGRAM_INDEX} ON card_application USING gin (search_text gin_trgm_ops)`,
      );
    }

    await queryRunner.createTable(
      new Table({
        name: 'request_count',
        columns: [
          { name: 'prefecture_id', type: 'varchar', length: '36' },
          { name: 'state', type: 'varchar', length: '12' },
          { name: 'card_type', type: 'varchar', length: '5' },
          { name: 'n', type: 'integer' },
        ],
        indices: [
          new TableIndex({
            name: 'idx_request_count_prefecture',
            columnNames: ['prefecture_id', 'state', 'card_type'],
          }),
        ],
      }),
    );
    if (postgres) await this.postgresTriggers(queryRunner);
    else await this.sqliteTriggers(queryRunner);
    await queryRunner.query(
      `INSERT INTO request_count (prefecture_id, state, card_type, n)
       SELECT prefecture_id, state, card_type, COUNT(*) FROM image_request GROUP BY prefecture_id, state, card_type`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    for (const event of ['insert', 'update', 'delete']) {
      await queryRunner.query(
        `DROP TRIGGER IF EXISTS trg_image_request_count_${event}${postgres ? ' ON image_request' : ''}`,
      );
      if (postgres) await queryRunner.query(`DROP FUNCTION IF EXISTS t3p_request_count_${event}()`);
    }
    await queryRunner.dropTable('request_count');
    if (postgres) await queryRunner.query(`DROP INDEX IF EXISTS ${SEARCH_TRIGRAM_INDEX}`);
    await queryRunner.dropColumn('card_application', 'search_text');
  }

  private async backfillSearchText(queryRunner: QueryRunner): Promise<void> {
    const rows: {
      id: string;
      last_name: string;
      first_name: string;
      driver_identifier: string;
      card_number: string;
      email: string;
      purged_at: unknown;
    }[] = await queryRunner.query(
      `SELECT a.id, a.card_number, d.last_name, d.first_name, d.driver_identifier, d.email, d.purged_at
           FROM card_application a JOIN driver d ON d.id = a.driver_id`,
    );
    const postgres = queryRunner.connection.options.type === 'postgres';
    for (const row of rows) {
      if (row.purged_at) continue;
      const text = searchTextOf({
        lastName: row.last_name,
        firstName: row.first_name,
        driverIdentifier: row.driver_identifier,
        cardNumber: row.card_number,
        email: row.email,
      });
      await queryRunner.query(
        `UPDATE card_application SET search_text = ${postgres ? '$1' : '?'} WHERE id = ${postgres ? '$2' : '?'}`,
        [text, row.id],
      );
    }
  }

  private async postgresTriggers(queryRunner: QueryRunner): Promise<void> {
    const deltas: Record<string, { table: string; select: string }> = {
      insert: {
        table: 'NEW TABLE AS new_rows',
        select: 'SELECT prefecture_id, state, card_type, 1 AS n FROM new_rows',
      },
      update: {
        table: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        select: `SELECT prefecture_id, state, card_type, 1 AS n FROM new_rows
                 UNION ALL SELECT prefecture_id, state, card_type, -1 FROM old_rows`,
      },
      delete: {
        table: 'OLD TABLE AS old_rows',
        select: 'SELECT prefecture_id, state, card_type, -1 AS n FROM old_rows',
      },
    };
    for (const [event, { table, select }] of Object.entries(deltas)) {
      await queryRunner.query(
        `CREATE FUNCTION t3p_request_count_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           INSERT INTO request_count (prefecture_id, state, card_type, n)
           SELECT prefecture_id, state, card_type, SUM(n) FROM (${select}) AS delta
            GROUP BY prefecture_id, state, card_type HAVING SUM(n) <> 0;
           RETURN NULL;
         END $$`,
      );
      await queryRunner.query(
        `CREATE TRIGGER trg_image_request_count_${event} AFTER ${event.toUpperCase()} ON image_request
           REFERENCING ${table} FOR EACH STATEMENT EXECUTE FUNCTION t3p_request_count_${event}()`,
      );
    }
  }

  private async sqliteTriggers(queryRunner: QueryRunner): Promise<void> {
    const add = (row: 'NEW' | 'OLD', n: number) =>
      `INSERT INTO request_count (prefecture_id, state, card_type, n) VALUES (${row}.prefecture_id, ${row}.state, ${row}.card_type, ${n});`;
    await queryRunner.query(
      `CREATE TRIGGER trg_image_request_count_insert AFTER INSERT ON image_request BEGIN ${add('NEW', 1)} END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_image_request_count_update AFTER UPDATE OF state, prefecture_id, card_type ON image_request
         WHEN OLD.state IS NOT NEW.state OR OLD.prefecture_id IS NOT NEW.prefecture_id OR OLD.card_type IS NOT NEW.card_type
       BEGIN ${add('OLD', -1)} ${add('NEW', 1)} END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_image_request_count_delete AFTER DELETE ON image_request BEGIN ${add('OLD', -1)} END`,
    );
  }
}
