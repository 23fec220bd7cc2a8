import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Emails queued by the scheduler's batches keep their facts (a few hundred bytes of JSON) and are
 * rendered when sent: html and text become nullable, `facts` holds what rendering needs.
 */
export class OutboxDeferredRendering1764600000000 implements MigrationInterface {
  name = 'OutboxDeferredRendering1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'outbox_email',
      new TableColumn({ name: 'facts', type: 'text', isNullable: true }),
    );
    for (const name of ['html', 'text']) {
      await queryRunner.changeColumn(
        'outbox_email',
        name,
        new TableColumn({ name, type: 'text', isNullable: true }),
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Rows that were never rendered cannot go back to NOT NULL columns: they are dropped unsent.
    await queryRunner.query(`DELETE FROM outbox_email WHERE html IS NULL OR text IS NULL`);
    for (const name of ['html', 'text']) {
      await queryRunner.changeColumn(
        'outbox_email',
        name,
        new TableColumn({ name, type: 'text', isNullable: false }),
      );
    }
    await queryRunner.dropColumn('outbox_email', 'facts');
  }
}
