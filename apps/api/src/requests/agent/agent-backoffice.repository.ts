import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImageRequestState } from '@t3p/contracts';
import { DataSource } from 'typeorm';
import {
  CardApplicationEntity,
  ImageRequestEntity,
  PrefectureEntity,
} from '../../database/entities';
import type { Keyset } from '../request-queries.repository';
import { SearchCondition } from '../search-condition';

/**
 * Reads of the back-office dashboard that the lifecycle's repositories do not serve: the
 * préfecture's applications, an application's emails.
 * Every read is scoped by préfecture in SQL.
 */
@Injectable()
export class AgentBackofficeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  prefecture(prefectureId: string): Promise<PrefectureEntity | null> {
    return this.dataSource.getRepository(PrefectureEntity).findOneBy({ id: prefectureId });
  }

  /** The préfecture's card applications, newest first, with the state of their open request. */
  async applications(
    prefectureId: string,
    q: string | undefined,
    after: Keyset | null,
    limit: number,
  ): Promise<{ application: CardApplicationEntity; openState: ImageRequestState | null }[]> {
    const query = this.dataSource
      .getRepository(CardApplicationEntity)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.driver', 'd')
      .leftJoin(
        ImageRequestEntity,
        'r',
        "r.application_id = a.id AND r.state IN ('PENDING', 'REMINDED', 'SUBMITTED')",
      )
      .addSelect('r.state', 'open_state')
      .where('a.prefecture_id = :prefectureId', { prefectureId });
    if (q) new SearchCondition(q).apply(query, 'a.id');
    if (after)
      query.andWhere('(a.created_at, a.id) < (:afterAt, :afterId)', {
        afterAt: after.createdAt,
        afterId: after.id,
      });
    const { entities, raw } = await query
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit)
      .getRawAndEntities<{ a_id: string; open_state: ImageRequestState | null }>();
    return entities.map((application) => ({
      application,
      openState: raw.find((row) => row.a_id === application.id)?.open_state ?? null,
    }));
  }

  applicationOfPrefecture(
    prefectureId: string,
    applicationId: string,
  ): Promise<CardApplicationEntity | null> {
    if (!prefectureId || !applicationId) return Promise.resolve(null);
    return this.dataSource.getRepository(CardApplicationEntity).findOne({
      where: { id: applicationId, prefectureId },
      relations: { driver: true, prefecture: true },
    });
  }
}
