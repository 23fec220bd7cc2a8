import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * An image keeps the quality warnings it got at upload (JSON, never blocking) and their count,
 * so that the agents' queue can be filtered and sorted by "has warnings" without parsing JSON.
 * Rows stored before have none: '[]' and 0.
 */
export class ImageWarnings1764710000000 implements MigrationInterface {
  name = 'ImageWarnings1764710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'stored_image',
      new TableColumn({ name: 'warnings', type: 'text', isNullable: false, default: "'[]'" }),
    );
    await queryRunner.addColumn(
      'stored_image',
      new TableColumn({ name: 'warning_count', type: 'integer', isNullable: false, default: 0 }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('stored_image', 'warning_count');
    await queryRunner.dropColumn('stored_image', 'warnings');
  }
}
