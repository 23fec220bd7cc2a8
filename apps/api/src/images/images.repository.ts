import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Piece, StoredImageState } from '@t3p/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { StoredImageEntity } from '../database/entities';
import { preparedQuery } from '../database/prepared-query';

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
   * draft, in ONE statement that is also the state check:
   * `INSERT … SELECT … FROM image_request WHERE id = … AND state IN ('PENDING', 'REMINDED')
   *  ON CONFLICT (request_id, piece) DO UPDATE … WHERE state = 'DRAFT'`.
   * On PostgreSQL the request row is read FOR SHARE: a cancellation, submission or « Annuler »
   * that has changed it but not yet committed makes the write wait, then see the new state
   * (READ COMMITTED re-checks the locked row), so a draft never lands on a closed request; on
   * SQLite the statement runs under the database's single write lock. Concurrent uploads of one
   * piece leave one row; a submitted or decided image is never overwritten. Null when the
   * request was no longer open for upload (nothing written).
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
    const postgres = this.dataSource.options.type === 'postgres';
    // Parameters of a SELECT list have no type on PostgreSQL (text); SQLite needs none.
    const typed = (parameter: string, type: string) =>
      postgres ? `CAST(:${parameter} AS ${type})` : `:${parameter}`;
    const saved = await preparedQuery<{ id: string }>(
      this.dataSource,
      't3p_save_draft',
      `INSERT INTO stored_image (id, request_id, piece, state, format, original, sha256, byte_size, measured, warnings,
                                 warning_count, display_jpeg, rejection_reason, uploaded_at, decided_at)
       SELECT :id, r.id, :piece, 'DRAFT', :format, ${typed('original', 'bytea')}, :sha256, ${typed('byteSize', 'integer')},
              :measured, :warnings, ${typed('warningCount', 'integer')}, ${typed('displayJpeg', 'bytea')}, NULL, ${typed('uploadedAt', 'timestamptz')}, NULL
         FROM image_request r
        WHERE r.id = :requestId AND r.state IN ('PENDING', 'REMINDED')${postgres ? ' FOR SHARE' : ''}
       ON CONFLICT (request_id, piece) DO UPDATE SET
         format = excluded.format, original = excluded.original, sha256 = excluded.sha256, byte_size = excluded.byte_size,
         measured = excluded.measured, warnings = excluded.warnings, warning_count = excluded.warning_count, display_jpeg = excluded.display_jpeg, uploaded_at = excluded.uploaded_at
       WHERE stored_image.state = 'DRAFT'
       RETURNING id`,
      { ...row },
    );
    return saved.length === 1 ? { ...row, id: saved[0].id } : null;
  }

  /** Inserts an image in a given state, in the caller's transaction (the demo data's submitted and decided images). */
  async insertImage(manager: EntityManager, image: StoredImageEntity): Promise<void> {
    await manager.insert(StoredImageEntity, image);
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
  async setState(
    manager: EntityManager,
    requestId: string,
    change: ImageStateChange,
  ): Promise<number> {
    const { from, to, pieces, decision } = change;
    const query = manager
      .createQueryBuilder()
      .update(StoredImageEntity)
      .set({
        state: to,
        ...(decision
          ? { decidedAt: decision.at, rejectionReason: decision.rejectionReason ?? null }
          : {}),
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
      .where(
        'request_id IN (SELECT id FROM image_request WHERE application_id IN (:...applicationIds))',
        { applicationIds },
      )
      .execute();
  }
}
