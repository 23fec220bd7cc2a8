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
   * draft. Only a DRAFT is ever replaced: a submitted image stays as it was sent.
   */
  async saveDraft(draft: NewDraftImage): Promise<StoredImageEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(StoredImageEntity);
      const existing = await repository.findOneBy({ requestId: draft.requestId, piece: draft.piece });
      if (existing && existing.state !== 'DRAFT') return null;
      const row: StoredImageEntity = {
        id: existing?.id ?? randomUUID(),
        ...draft,
        state: 'DRAFT',
        byteSize: draft.original.length,
        rejectionReason: null,
        decidedAt: null,
      };
      await repository.save(row);
      return row;
    });
  }

  findImage(requestId: string, piece: Piece): Promise<StoredImageEntity | null> {
    if (!requestId) return Promise.resolve(null);
    return this.dataSource.getRepository(StoredImageEntity).findOneBy({ requestId, piece });
  }
}
