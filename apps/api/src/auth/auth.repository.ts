import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, LessThan, MoreThan } from 'typeorm';
import {
  AgentEntity,
  AuthSessionEntity,
  PrefectureEntity,
  RateLimitEventEntity,
  SignInTokenEntity,
  TeamAuditEntryEntity,
} from '../database/entities';

/** Reject empty keys before they reach a where clause: TypeORM drops undefined criteria. */
const present = (...values: unknown[]) => values.every((value) => typeof value === 'string' && value.length > 0);

export interface AgentWithPrefecture {
  agent: AgentEntity;
  prefecture: PrefectureEntity;
}

/** The only code of the Auth module that touches TypeORM: links, sessions, agents, rate limits. */
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // ── sign-in links ────────────────────────────────────────────────────────────

  /** Voids every unused link of the subject, then stores the new one (in the caller's transaction). */
  async replaceLinks(manager: EntityManager, token: Omit<SignInTokenEntity, 'consumedAt' | 'supersededAt'>): Promise<void> {
    if (!present(token.subjectType, token.subjectId, token.tokenHash)) throw new Error('Incomplete sign-in token');
    await manager
      .createQueryBuilder()
      .update(SignInTokenEntity)
      .set({ supersededAt: token.createdAt })
      .where('subject_type = :type AND subject_id = :id', { type: token.subjectType, id: token.subjectId })
      .andWhere('consumed_at IS NULL AND superseded_at IS NULL')
      .execute();
    await manager.insert(SignInTokenEntity, { ...token, consumedAt: null, supersededAt: null });
  }

  /**
   * Consumes a link with ONE conditional update: exactly one caller, on any instance, wins a
   * link that is unused, not superseded and not expired. Returns the consumed row, else null.
   */
  async consumeLink(tokenHash: string, now: Date): Promise<SignInTokenEntity | null> {
    if (!present(tokenHash)) return null;
    const result = await this.dataSource
      .createQueryBuilder()
      .update(SignInTokenEntity)
      .set({ consumedAt: now })
      .where('token_hash = :tokenHash', { tokenHash })
      .andWhere('consumed_at IS NULL AND superseded_at IS NULL AND expires_at > :now', { now })
      .execute();
    if ((result.affected ?? 0) !== 1) return null;
    return this.dataSource.getRepository(SignInTokenEntity).findOneBy({ tokenHash });
  }

  findLink(tokenHash: string): Promise<SignInTokenEntity | null> {
    if (!present(tokenHash)) return Promise.resolve(null);
    return this.dataSource.getRepository(SignInTokenEntity).findOneBy({ tokenHash });
  }

  // ── sessions ─────────────────────────────────────────────────────────────────

  async insertSession(session: AuthSessionEntity): Promise<void> {
    await this.dataSource.getRepository(AuthSessionEntity).insert(session);
  }

  /** A live session: not revoked, before its absolute expiry (idle expiry is checked by the caller). */
  findLiveSession(tokenHash: string, now: Date): Promise<AuthSessionEntity | null> {
    if (!present(tokenHash)) return Promise.resolve(null);
    return this.dataSource
      .getRepository(AuthSessionEntity)
      .findOneBy({ tokenHash, revokedAt: IsNull(), expiresAt: MoreThan(now) });
  }

  async touchSession(id: string, now: Date): Promise<void> {
    if (!present(id)) return;
    await this.dataSource.getRepository(AuthSessionEntity).update({ id, revokedAt: IsNull() }, { lastSeenAt: now });
  }

  async revokeSession(id: string, now: Date): Promise<void> {
    if (!present(id)) return;
    await this.dataSource.getRepository(AuthSessionEntity).update({ id, revokedAt: IsNull() }, { revokedAt: now });
  }

  // ── agents and préfectures ───────────────────────────────────────────────────

  async findActiveAgentByEmail(email: string): Promise<AgentEntity | null> {
    if (!present(email)) return null;
    return this.dataSource.getRepository(AgentEntity).findOneBy({ email, active: true });
  }

  async findActiveAgent(id: string): Promise<AgentWithPrefecture | null> {
    if (!present(id)) return null;
    const agent = await this.dataSource.getRepository(AgentEntity).findOneBy({ id, active: true });
    if (!agent) return null;
    const prefecture = await this.dataSource.getRepository(PrefectureEntity).findOneBy({ id: agent.prefectureId });
    return prefecture ? { agent, prefecture } : null;
  }

  findPrefectureByDepartement(departement: string): Promise<PrefectureEntity | null> {
    if (!present(departement)) return Promise.resolve(null);
    return this.dataSource.getRepository(PrefectureEntity).findOneBy({ departement });
  }

  async agentEmailTaken(email: string): Promise<boolean> {
    if (!present(email)) return false;
    return (await this.dataSource.getRepository(AgentEntity).countBy({ email })) > 0;
  }

  async insertAgent(manager: EntityManager, agent: Omit<AgentEntity, 'createdAt' | 'prefecture'>): Promise<void> {
    await manager.insert(AgentEntity, agent);
  }

  async insertPrefecture(manager: EntityManager, prefecture: Omit<PrefectureEntity, 'createdAt'>): Promise<void> {
    await manager.insert(PrefectureEntity, prefecture);
  }

  // ── the préfecture's team ──────────────────────────────────────────────────

  agentsOf(prefectureId: string): Promise<AgentEntity[]> {
    if (!present(prefectureId)) return Promise.resolve([]);
    return this.dataSource.getRepository(AgentEntity).find({ where: { prefectureId }, order: { lastName: 'ASC', firstName: 'ASC', id: 'ASC' } });
  }

  agentOfPrefecture(prefectureId: string, agentId: string): Promise<AgentEntity | null> {
    if (!present(prefectureId, agentId)) return Promise.resolve(null);
    return this.dataSource.getRepository(AgentEntity).findOneBy({ id: agentId, prefectureId });
  }

  /** One conditional update: true when this call deactivated an active agent of the préfecture. */
  async deactivateAgent(manager: EntityManager, prefectureId: string, agentId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(AgentEntity)
      .set({ active: false })
      .where('id = :agentId AND prefecture_id = :prefectureId AND active = :active', { agentId, prefectureId, active: true })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Ends every session of the agent and voids their unused links (a deactivation). */
  async endAccessOf(manager: EntityManager, agentId: string, now: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(AuthSessionEntity)
      .set({ revokedAt: now })
      .where("subject_type = 'AGENT' AND subject_id = :agentId AND revoked_at IS NULL", { agentId })
      .execute();
    await manager
      .createQueryBuilder()
      .update(SignInTokenEntity)
      .set({ supersededAt: now })
      .where("subject_type = 'AGENT' AND subject_id = :agentId AND consumed_at IS NULL AND superseded_at IS NULL", { agentId })
      .execute();
  }

  async insertTeamAudit(manager: EntityManager, entry: Omit<TeamAuditEntryEntity, 'id'>): Promise<void> {
    await manager.insert(TeamAuditEntryEntity, { id: randomUUID(), ...entry });
  }

  /** The préfecture's team actions, newest first. */
  teamAudit(prefectureId: string, limit: number): Promise<TeamAuditEntryEntity[]> {
    if (!present(prefectureId)) return Promise.resolve([]);
    return this.dataSource.getRepository(TeamAuditEntryEntity).find({ where: { prefectureId }, order: { at: 'DESC', id: 'DESC' }, take: limit });
  }

  // ── rate limits ──────────────────────────────────────────────────────────────

  /**
   * Records one attempt in `bucket` and counts those of the window, this one included. Insert
   * first, count second: two instances racing both see each other, so the limit is never exceeded.
   */
  async hit(bucket: string, now: Date, windowStart: Date): Promise<{ id: string; count: number }> {
    if (!present(bucket)) throw new Error('Empty rate-limit bucket');
    const events = this.dataSource.getRepository(RateLimitEventEntity);
    await events.delete({ bucket, at: LessThan(windowStart) });
    const id = randomUUID();
    await events.insert({ id, bucket, at: now });
    return { id, count: await events.countBy({ bucket, at: MoreThan(windowStart) }) };
  }

  /** Takes back a refused attempt, so waiting is enough to be allowed again. */
  async unhit(id: string): Promise<void> {
    if (!present(id)) return;
    await this.dataSource.getRepository(RateLimitEventEntity).delete({ id });
  }

  async oldestHit(bucket: string, windowStart: Date): Promise<Date | null> {
    if (!present(bucket)) return null;
    const oldest = await this.dataSource
      .getRepository(RateLimitEventEntity)
      .findOne({ where: { bucket, at: MoreThan(windowStart) }, order: { at: 'ASC' } });
    return oldest?.at ?? null;
  }

  /** Housekeeping for the worker: expired sessions and links, old counts. */
  async purgeExpired(before: Date): Promise<void> {
    await this.dataSource.getRepository(RateLimitEventEntity).delete({ at: LessThan(before) });
    await this.dataSource.getRepository(AuthSessionEntity).delete({ expiresAt: LessThan(before) });
    await this.dataSource.getRepository(SignInTokenEntity).delete({ expiresAt: LessThan(before) });
  }
}

