import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Piece } from '@t3p/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { StoredImageEntity } from '../database/entities';

export interface NewDraftImage {
  requestId: string;
  piece: Piece;
  format: string;
  original: Buffer;
  sha256: string;
  measured: string;
  displayJpeg: Buffer | null;
  uploadedAt: Date;
}

/** The only code of the Images module that touches TypeORM. */
@Injectable()
export class ImagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Puts a valid upload in the request's draft slot for that piece, replacing the previous
   * draft: one `INSERT … ON CONFLICT (request_id, piece) DO UPDATE … WHERE state = 'DRAFT'`
   * (both engines), so concurrent uploads of one piece leave exactly one row, and a submitted
   * or decided image is never overwritten (null then).
   */
  async saveDraft(draft: NewDraftImage): Promise<StoredImageEntity | null> {
    const row: StoredImageEntity = {
      id: randomUUID(),
      ...draft,
      state: 'DRAFT',
      byteSize: draft.original.length,
      rejectionReason: null,
      decidedAt: null,
    };
    const [query, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      `INSERT INTO stored_image (id, request_id, piece, state, format, original, sha256, byte_size, measured, display_jpeg,
                                 rejection_reason, uploaded_at, decided_at)
       VALUES (:id, :requestId, :piece, 'DRAFT', :format, :original, :sha256, :byteSize, :measured, :displayJpeg, NULL, :uploadedAt, NULL)
       ON CONFLICT (request_id, piece) DO UPDATE SET
         format = excluded.format, original = excluded.original, sha256 = excluded.sha256, byte_size = excluded.byte_size,
         measured = excluded.measured, display_jpeg = excluded.display_jpeg, uploaded_at = excluded.uploaded_at
       WHERE stored_image.state = 'DRAFT'
       RETURNING id`,
      { ...row },
      {},
    );
    const saved = (await this.dataSource.query(query, parameters)) as { id: string }[];
    return saved.length === 1 ? { ...row, id: saved[0].id } : null;
  }

  findImage(requestId: string, piece: Piece): Promise<StoredImageEntity | null> {
    if (!requestId) return Promise.resolve(null);
    return this.dataSource.getRepository(StoredImageEntity).findOneBy({ requestId, piece });
  }
}
