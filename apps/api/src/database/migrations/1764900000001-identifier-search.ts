import { MigrationInterface, QueryRunner } from 'typeorm';

/** The PostgreSQL-only indexes of the identifier search; migrations.int.spec.ts allows them by name. */
export const IDENTIFIER_SEARCH_INDEXES = {
  idx_driver_identifier_search: 'driver (upper(driver_identifier) text_pattern_ops)',
  idx_driver_email_search: 'driver (lower(email) text_pattern_ops)',
  idx_card_application_number_search: 'card_application (upper(card_number) text_pattern_ops)',
};

/**
 * The back-office search of an identifier, card number or email (issue 18): exact or prefix
 * matches through expression B-tree indexes (see SearchCondition), instead of the trigram index
 * whose lists for `59b`, `000`… hold almost every row. SQLite, the development engine, reads the
 * préfecture's rows as before.
 */
export class IdentifierSearch1764900000001 implements MigrationInterface {
  name = 'IdentifierSearch1764900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    for (const [name, on] of Object.entries(IDENTIFIER_SEARCH_INDEXES))
      await queryRunner.query(`CREATE INDEX ${name} ON ${on}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    for (const name of Object.keys(IDENTIFIER_SEARCH_INDEXES))
      await queryRunner.query(`DROP INDEX IF EXISTS ${name}`);
  }
}
