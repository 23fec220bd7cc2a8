import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CardType, ImageRequestState } from '@t3p/contracts';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import {
  AgentEntity,
  AuditEntryEntity,
  CardApplicationEntity,
  ImageRequestEntity,
} from '../database/entities';
import type { RequestContext } from './lifecycle/request-transitions.repository';
import { SearchCondition } from './search-condition';

/** Rows whose identifier, card number or email is the query, put first on a search's first page. */
const MAX_EXACT = 5;

export interface RequestFilters {
  state?: ImageRequestState;
  cardType?: CardType;
  from?: Date;
  to?: Date;
  q?: string;
  /** 'true': only requests with an image that got quality warnings. */
  hasWarnings?: 'true' | 'false';
}

export interface Keyset {
  createdAt: Date;
  id: string;
}

/** Reads of the back-office and the driver's wizard (no writes). */
@Injectable()
export class RequestQueriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A request of one préfecture with its application, driver and préfecture; null for any other. */
  async findOfPrefecture(prefectureId: string, requestId: string): Promise<RequestContext | null> {
    if (!prefectureId || !requestId) return null;
    const request = await this.dataSource.getRepository(ImageRequestEntity).findOne({
      where: { id: requestId, prefectureId },
      relations: { application: { driver: true, prefecture: true } },
    });
    return request ? split(request) : null;
  }

  /** One request as it is now (no joins). */
  findRequest(requestId: string): Promise<ImageRequestEntity | null> {
    if (!requestId) return Promise.resolve(null);
    return this.dataSource.getRepository(ImageRequestEntity).findOneBy({ id: requestId });
  }

  applicationOfPrefectureExists(prefectureId: string, applicationId: string): Promise<boolean> {
    if (!prefectureId || !applicationId) return Promise.resolve(false);
    return this.dataSource
      .getRepository(CardApplicationEntity)
      .existsBy({ id: applicationId, prefectureId });
  }

  async hasOpenRequest(applicationId: string): Promise<boolean> {
    return this.dataSource
      .getRepository(ImageRequestEntity)
      .createQueryBuilder('r')
      .where(
        "r.application_id = :applicationId AND r.state IN ('PENDING', 'REMINDED', 'SUBMITTED')",
        { applicationId },
      )
      .getExists();
  }

  /**
   * One page of a préfecture's requests, newest first (or oldest first), keyset-paginated on (created_at, id):
   * the index idx_image_request_backoffice (prefecture_id, state, created_at, id) serves it,
   * and no page costs more than `limit` rows whatever its depth. With a search, the rows whose
   * identifier, card number or email is the query come first on the first page (a few at most),
   * then the other matches in the page's order.
   */
  async list(
    prefectureId: string,
    filters: RequestFilters,
    after: Keyset | null,
    limit: number,
    direction: 'ASC' | 'DESC' = 'DESC',
  ): Promise<RequestContext[]> {
    const search = filters.q ? new SearchCondition(filters.q) : null;
    const exact: ImageRequestEntity[] = [];
    if (search?.exactToken && !after) {
      const query = this.filtered(prefectureId, filters, search);
      search.applyExact(query, true);
      exact.push(
        ...(await this.page(query, direction, Math.max(0, Math.min(MAX_EXACT, limit - 2)))),
      );
    }
    const query = this.filtered(prefectureId, filters, search);
    if (search) search.applyExact(query, false);
    if (after) {
      // A row-value comparison, so that the index seeks to the cursor instead of walking down to it.
      const op = direction === 'DESC' ? '<' : '>';
      query.andWhere(`(r.created_at, r.id) ${op} (:afterAt, :afterId)`, {
        afterAt: after.createdAt,
        afterId: after.id,
      });
    }
    const rest = await this.page(query, direction, limit - exact.length);
    return [...exact, ...rest].map(split);
  }

  private filtered(
    prefectureId: string,
    filters: RequestFilters,
    search: SearchCondition | null,
  ): SelectQueryBuilder<ImageRequestEntity> {
    const query = this.dataSource
      .getRepository(ImageRequestEntity)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.application', 'a')
      .innerJoinAndSelect('a.driver', 'd')
      .innerJoinAndSelect('a.prefecture', 'p')
      .where('r.prefecture_id = :prefectureId', { prefectureId });
    if (filters.state) query.andWhere('r.state = :state', { state: filters.state });
    if (filters.cardType) query.andWhere('r.card_type = :cardType', { cardType: filters.cardType });
    if (filters.from) query.andWhere('r.created_at >= :from', { from: filters.from });
    if (filters.to) query.andWhere('r.created_at < :to', { to: filters.to });
    if (filters.hasWarnings === 'true') {
      query.andWhere(
        'EXISTS (SELECT 1 FROM stored_image w WHERE w.request_id = r.id AND w.warning_count > 0)',
      );
    }
    search?.apply(query, 'r.id');
    return query;
  }

  private page(
    query: SelectQueryBuilder<ImageRequestEntity>,
    direction: 'ASC' | 'DESC',
    limit: number,
  ): Promise<ImageRequestEntity[]> {
    if (limit <= 0) return Promise.resolve([]);
    // Every join is many-to-one: LIMIT (not TypeORM's take) keeps it one indexed query.
    return query
      .orderBy('r.created_at', direction)
      .addOrderBy('r.id', direction)
      .limit(limit)
      .getMany();
  }

  /** The latest actions of the préfecture's agents on its requests (audit entries), newest first, with the driver's name. */
  async agentActions(
    prefectureId: string,
    limit: number,
  ): Promise<
    {
      at: Date;
      action: string;
      actorId: string | null;
      applicationId: string;
      lastName: string;
      firstName: string;
    }[]
  > {
    if (!prefectureId) return [];
    const rows = await this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('e')
      .innerJoin(CardApplicationEntity, 'a', 'a.id = e.application_id')
      .innerJoin('a.driver', 'd')
      .select([
        'e.at AS at',
        'e.action AS action',
        'e.actor_id AS actor_id',
        'e.application_id AS application_id',
      ])
      .addSelect(['d.last_name AS last_name', 'd.first_name AS first_name'])
      .where("a.prefecture_id = :prefectureId AND e.actor_type = 'AGENT'", { prefectureId })
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(limit)
      .getRawMany<{
        at: Date | string;
        action: string;
        actor_id: string | null;
        application_id: string;
        last_name: string;
        first_name: string;
      }>();
    return rows.map((row) => ({
      at: row.at instanceof Date ? row.at : new Date(`${String(row.at).replace(' ', 'T')}Z`),
      action: row.action,
      actorId: row.actor_id,
      applicationId: row.application_id,
      lastName: row.last_name,
      firstName: row.first_name,
    }));
  }

  async auditTrail(
    applicationId: string,
  ): Promise<{ entry: AuditEntryEntity; agent: AgentEntity | null }[]> {
    // Entries of one instant (one transaction) in lifecycle order: a decision before the request it opens.
    const entries = await this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('e')
      .where('e.application_id = :applicationId', { applicationId })
      .orderBy('e.at', 'ASC')
      .addOrderBy(
        `CASE e.action WHEN 'TERMS_ACCEPTED' THEN 1 WHEN 'REQUEST_SUBMITTED' THEN 2 WHEN 'REMINDER_SENT' THEN 2
           WHEN 'REQUEST_CREATED' THEN 4 WHEN 'DATA_PURGED' THEN 5 ELSE 3 END`,
        'ASC',
      )
      .addOrderBy('e.id', 'ASC')
      .getMany();
    const agentIds = [
      ...new Set(
        entries.filter((e) => e.actorType === 'AGENT' && e.actorId).map((e) => e.actorId as string),
      ),
    ];
    const agents = agentIds.length
      ? await this.dataSource
          .getRepository(AgentEntity)
          .createQueryBuilder('g')
          .where('g.id IN (:...agentIds)', { agentIds })
          .getMany()
      : [];
    return entries.map((entry) => ({
      entry,
      agent: agents.find((agent) => agent.id === entry.actorId) ?? null,
    }));
  }
}

function split(request: ImageRequestEntity): RequestContext {
  const { application, ...rest } = request;
  return {
    request: rest as ImageRequestEntity,
    application: application as RequestContext['application'],
  };
}
