import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImageRequestState } from '@t3p/contracts';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { CardApplicationEntity, ImageRequestEntity, PrefectureEntity } from '../database/entities';
import type { Keyset } from './request-queries.repository';

/** `%q%` for LIKE, lower-cased, with LIKE's wildcards escaped. */
const likeOf = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Reads of the back-office dashboard that the lifecycle's repositories do not serve: counts per
 * state, the list in either order, the préfecture's applications, an application's emails.
 * Every read is scoped by préfecture in SQL.
 */
@Injectable()
export class AgentBackofficeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  prefecture(prefectureId: string): Promise<PrefectureEntity | null> {
    return this.dataSource.getRepository(PrefectureEntity).findOneBy({ id: prefectureId });
  }

  /** One GROUP BY on the (prefecture_id, state, …) index. */
  async countsByState(prefectureId: string): Promise<{ state: ImageRequestState; count: number }[]> {
    const rows: { state: ImageRequestState; count: string | number }[] = await this.dataSource
      .getRepository(ImageRequestEntity)
      .createQueryBuilder('r')
      .select('r.state', 'state')
      .addSelect('COUNT(*)', 'count')
      .where('r.prefecture_id = :prefectureId', { prefectureId })
      .groupBy('r.state')
      .getRawMany();
    return rows.map((row) => ({ state: row.state, count: Number(row.count) }));
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
      .leftJoin(ImageRequestEntity, 'r', "r.application_id = a.id AND r.state IN ('PENDING', 'REMINDED', 'SUBMITTED')")
      .addSelect('r.state', 'open_state')
      .where('a.prefecture_id = :prefectureId', { prefectureId });
    if (q) this.matchDriver(query, q, true);
    if (after) {
      query.andWhere(
        new Brackets((where) =>
          where
            .where('a.created_at < :afterAt', { afterAt: after.createdAt })
            .orWhere('(a.created_at = :afterAt AND a.id < :afterId)', { afterAt: after.createdAt, afterId: after.id }),
        ),
      );
    }
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

  applicationOfPrefecture(prefectureId: string, applicationId: string): Promise<CardApplicationEntity | null> {
    if (!prefectureId || !applicationId) return Promise.resolve(null);
    return this.dataSource.getRepository(CardApplicationEntity).findOne({
      where: { id: applicationId, prefectureId },
      relations: { driver: true, prefecture: true },
    });
  }

  private matchDriver<T extends object>(query: SelectQueryBuilder<T>, q: string, withCardNumber: boolean): void {
    const like = likeOf(q);
    query.andWhere(
      new Brackets((where) => {
        where
          .where("LOWER(d.last_name) LIKE :like ESCAPE '\\'", { like })
          .orWhere("LOWER(d.first_name) LIKE :like ESCAPE '\\'", { like })
          .orWhere("LOWER(d.driver_identifier) LIKE :like ESCAPE '\\'", { like });
        if (withCardNumber) where.orWhere("LOWER(a.card_number) LIKE :like ESCAPE '\\'", { like });
      }),
    );
  }
}
