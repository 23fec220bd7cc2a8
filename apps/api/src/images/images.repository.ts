import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Piece, StoredImageState } from '@t3p/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { StoredImageEntity } from '../database/entities';

export interface NewDraftImage {
  requestId: string;
  piece: Piece;
  format: string;
  original: Buffer;
  sha256: string;
  measured: string;
  /** JSON of the verdict's warnings. */
  warnings: string;
  warningCount: number;
  displayJpeg: Buffer | null;
  uploadedAt: Date;
}

/** A state flip of a request's images: all of them in `from`, or only `pieces`; a decision stamps them. */
export interface ImageStateChange {
  from: StoredImageState;
  to: StoredImageState;
  pieces?: Piece[];
  decision?: { at: Date; rejectionReason?: string | null };
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
      `INSERT INTO stored_image (id, request_id, piece, state, format, original, sha256, byte_size, measured, warnings, warning_count,
                                 display_jpeg, rejection_reason, uploaded_at, decided_at)
       VALUES (:id, :requestId, :piece, 'DRAFT', :format, :original, :sha256, :byteSize, :measured, :warnings, :warningCount,
               :displayJpeg, NULL, :uploadedAt, NULL)
       ON CONFLICT (request_id, piece) DO UPDATE SET
         format = excluded.format, original = excluded.original, sha256 = excluded.sha256, byte_size = excluded.byte_size,
         measured = excluded.measured, warnings = excluded.warnings, warning_count = excluded.warning_count, display_jpeg = excluded.display_jpeg, uploaded_at = excluded.uploaded_at
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

  /** The images of a request, without their bytes. */
  imagesOf(requestId: string): Promise<StoredImageEntity[]> {
    return this.dataSource.getRepository(StoredImageEntity).find({
      select: {
        id: true,
        requestId: true,
        piece: true,
        state: true,
        format: true,
        sha256: true,
        byteSize: true,
        measured: true,
        warnings: true,
        warningCount: true,
        rejectionReason: true,
        uploadedAt: true,
        decidedAt: true,
      },
      where: { requestId },
      order: { piece: 'ASC' },
    });
  }

  /** State flip of a request's images (all, or some pieces), in the caller's transaction. */
  async setState(manager: EntityManager, requestId: string, change: ImageStateChange): Promise<number> {
    const { from, to, pieces, decision } = change;
    const query = manager
      .createQueryBuilder()
      .update(StoredImageEntity)
      .set({
        state: to,
        ...(decision ? { decidedAt: decision.at, rejectionReason: decision.rejectionReason ?? null } : {}),
      })
      .where('request_id = :requestId AND state = :from', { requestId, from });
    if (pieces) query.andWhere('piece IN (:...pieces)', { pieces });
    return (await query.execute()).affected ?? 0;
  }

  /** Deletes the DRAFT images of these requests, in the caller's transaction. */
  async deleteDrafts(manager: EntityManager, requestIds: string[]): Promise<number> {
    if (requestIds.length === 0) return 0;
    const result = await manager
      .createQueryBuilder()
      .delete()
      .from(StoredImageEntity)
      .where("request_id IN (:...requestIds) AND state = 'DRAFT'", { requestIds })
      .execute();
    return result.affected ?? 0;
  }

  /** Deletes every image of these applications' requests (retention purge), in the caller's transaction. */
  async deleteOfApplications(manager: EntityManager, applicationIds: string[]): Promise<void> {
    if (applicationIds.length === 0) return;
    await manager
      .createQueryBuilder()
      .delete()
      .from(StoredImageEntity)
      .where('request_id IN (SELECT id FROM image_request WHERE application_id IN (:...applicationIds))', { applicationIds })
      .execute();
  }
}
