import { MigrationInterface, QueryRunner } from 'typeorm';

const BYTE_COLUMNS = ['original', 'display_jpeg'];

/**
 * JPEG and PDF bytes do not compress: on PostgreSQL a bytea over about 2 KB is otherwise run
 * through pglz at every write (and decompressed at every read) for nothing. EXTERNAL keeps the
 * out-of-line TOAST storage without compression. SQLite stores blobs as they are: nothing to do.
 */
export class ImageBytesUncompressed1764700000000 implements MigrationInterface {
  name = 'ImageBytesUncompressed1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    for (const column of BYTE_COLUMNS)
      await queryRunner.query(
        `ALTER TABLE stored_image ALTER COLUMN ${column} SET STORAGE EXTERNAL`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    for (const column of BYTE_COLUMNS)
      await queryRunner.query(
        `ALTER TABLE stored_image ALTER COLUMN ${column} SET STORAGE EXTENDED`,
      );
  }
}
