import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, LessThan, MoreThan, Not } from 'typeorm';
import type { AgentRole, CardType } from '@t3p/contracts';
import {
  AgentEntity,
  AuthSessionEntity,
  ImageRequestEntity,
  PrefectureEntity,
  RateLimitEventEntity,
  SignInTokenEntity,
  TeamAuditEntryEntity,
} from '../database/entities';
import { preparedQuery } from '../database/prepared-query';
import { date, requestColumns, requestOfRow, type ContextRow } from '../database/raw-rows';

/** Reject empty keys before they reach a where clause: TypeORM drops undefined criteria. */
const present = (...values: unknown[]) =>
  values.every((value) => typeof value === 'string' && value.length > 0);

/** Who a session belongs to, read with it: an active agent with their préfecture, or a driver not purged. */
export interface SubjectFacts {
  firstName: string;
  lastName: string;
  /** Agents. */
  prefecture?: { id: string; name: string; departement: string };
  /** Agents: AGENT or RESPONSABLE. */
  agentRole?: AgentRole;
  /** Drivers: the card type of their newest application. */
  cardType?: CardType;
  /** Drivers: their current request (the open one of their newest application with one, else its latest), null if none. */
  request?: ImageRequestEntity | null;
}

export interface LiveSessionRow {
  id: string;
  subjectType: AuthSessionEntity['subjectType'];
  subjectId: string;
  csrfToken: string;
  lastSeenAt: Date;
  /** Null when the subject is gone: agent deactivated or driver purged. */
  subject: SubjectFacts | null;
}

/**
 * The session, its agent and préfecture, or its driver and their current request, in ONE
 * statement: every signed-in request pays one round trip for who is asking. The request is
 * chosen among the requests of the driver's applications: newest application first, then an open
 * request (PENDING, REMINDED, SUBMITTED) before a closed one, then the newest.
 */
const LIVE_SESSION_SQL = `
SELECT s.id, s.subject_type, s.subject_id, s.csrf_token, s.last_seen_at,
       g.first_name AS agent_first_name, g.last_name AS agent_last_name, g.role AS agent_role,
       gp.id AS agent_prefecture_id, gp.name AS agent_prefecture_name, gp.departement AS agent_prefecture_departement,
       d.id AS driver_id, d.first_name AS driver_first_name, d.last_name AS driver_last_name,
       (SELECT a.card_type FROM card_application a WHERE a.driver_id = d.id ORDER BY a.created_at DESC, a.id DESC LIMIT 1)
         AS driver_card_type,
       ${requestColumns('r', 'r_')}
  FROM auth_session s
  LEFT JOIN agent g ON s.subject_type = 'AGENT' AND g.id = s.subject_id AND g.active = :active
  LEFT JOIN prefecture gp ON gp.id = g.prefecture_id
  LEFT JOIN driver d ON s.subject_type = 'DRIVER' AND d.id = s.subject_id AND d.purged_at IS NULL
  LEFT JOIN image_request r ON r.id = (
        SELECT r2.id FROM image_request r2 JOIN card_application a2 ON a2.id = r2.application_id
         WHERE a2.driver_id = d.id
         ORDER BY a2.created_at DESC, CASE WHEN r2.state IN ('PENDING', 'REMINDED', 'SUBMITTED') THEN 0 ELSE 1 END,
                  r2.created_at DESC, r2.id DESC
         LIMIT 1)
 WHERE s.token_hash = :tokenHash AND s.revoked_at IS NULL AND s.expires_at > :now`;

function subjectOf(row: ContextRow): SubjectFacts | null {
  if (row['subject_type'] === 'AGENT') {
    if (!row['agent_prefecture_id']) return null;
    return {
      firstName: row['agent_first_name'] as string,
      lastName: row['agent_last_name'] as string,
      agentRole: row['agent_role'] as AgentRole,
      prefecture: {
        id: row['agent_prefecture_id'] as string,
        name: row['agent_prefecture_name'] as string,
        departement: row['agent_prefecture_departement'] as string,
      },
    };
  }
  if (!row['driver_id']) return null;
  return {
    firstName: row['driver_first_name'] as string,
    lastName: row['driver_last_name'] as string,
    ...(row['driver_card_type'] ? { cardType: row['driver_card_type'] as CardType } : {}),
    request: row['r_id'] ? requestOfRow(row, 'r_') : null,
  };
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
  async replaceLinks(
    manager: EntityManager,
    token: Omit<SignInTokenEntity, 'consumedAt' | 'supersededAt'>,
  ): Promise<void> {
    if (!present(token.subjectType, token.subjectId, token.tokenHash))
      throw new Error('Incomplete sign-in token');
    await manager
      .createQueryBuilder()
      .update(SignInTokenEntity)
      .set({ supersededAt: token.createdAt })
      .where('subject_type = :type AND subject_id = :id', {
        type: token.subjectType,
        id: token.subjectId,
      })
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

  /** A live session (not revoked, before its absolute expiry; idle expiry is the caller's) with who it belongs to. */
  async findLiveSession(tokenHash: string, now: Date): Promise<LiveSessionRow | null> {
    if (!present(tokenHash)) return null;
    const [row] = await preparedQuery<ContextRow>(
      this.dataSource,
      't3p_live_session',
      LIVE_SESSION_SQL,
      { tokenHash, now, active: true },
    );
    if (!row) return null;
    return {
      id: row['id'] as string,
      subjectType: row['subject_type'] as LiveSessionRow['subjectType'],
      subjectId: row['subject_id'] as string,
      csrfToken: row['csrf_token'] as string,
      lastSeenAt: date(row['last_seen_at']) as Date,
      subject: subjectOf(row),
    };
  }

  async touchSession(id: string, now: Date): Promise<void> {
    if (!present(id)) return;
    await this.dataSource
      .getRepository(AuthSessionEntity)
      .update({ id, revokedAt: IsNull() }, { lastSeenAt: now });
  }

  async revokeSession(id: string, now: Date): Promise<void> {
    if (!present(id)) return;
    await this.dataSource
      .getRepository(AuthSessionEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: now });
  }

  // ── agents and préfectures ───────────────────────────────────────────────────

  async findActiveAgentByEmail(email: string): Promise<AgentEntity | null> {
    if (!present(email)) return null;
    return this.dataSource.getRepository(AgentEntity).findOneBy({ email, active: true });
  }

  findPrefectureByDepartement(departement: string): Promise<PrefectureEntity | null> {
    if (!present(departement)) return Promise.resolve(null);
    return this.dataSource.getRepository(PrefectureEntity).findOneBy({ departement });
  }

  async agentEmailTaken(email: string): Promise<boolean> {
    if (!present(email)) return false;
    return (await this.dataSource.getRepository(AgentEntity).countBy({ email })) > 0;
  }

  async insertAgent(
    manager: EntityManager,
    agent: Omit<AgentEntity, 'createdAt' | 'prefecture'>,
  ): Promise<void> {
    await manager.insert(AgentEntity, agent);
  }

  async insertPrefecture(
    manager: EntityManager,
    prefecture: Omit<PrefectureEntity, 'createdAt'>,
  ): Promise<void> {
    await manager.insert(PrefectureEntity, prefecture);
  }

  // ── the préfecture's team ──────────────────────────────────────────────────

  agentsOf(prefectureId: string): Promise<AgentEntity[]> {
    if (!present(prefectureId)) return Promise.resolve([]);
    return this.dataSource
      .getRepository(AgentEntity)
      .find({ where: { prefectureId }, order: { lastName: 'ASC', firstName: 'ASC', id: 'ASC' } });
  }

  agentOfPrefecture(prefectureId: string, agentId: string): Promise<AgentEntity | null> {
    if (!present(prefectureId, agentId)) return Promise.resolve(null);
    return this.dataSource.getRepository(AgentEntity).findOneBy({ id: agentId, prefectureId });
  }

  /** One conditional update: true when this call deactivated an active agent of the préfecture. */
  async deactivateAgent(
    manager: EntityManager,
    prefectureId: string,
    agentId: string,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(AgentEntity)
      .set({ active: false })
      .where('id = :agentId AND prefecture_id = :prefectureId AND active = :active', {
        agentId,
        prefectureId,
        active: true,
      })
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
      .where(
        "subject_type = 'AGENT' AND subject_id = :agentId AND consumed_at IS NULL AND superseded_at IS NULL",
        { agentId },
      )
      .execute();
  }

  async insertTeamAudit(
    manager: EntityManager,
    entry: Omit<TeamAuditEntryEntity, 'id'>,
  ): Promise<void> {
    await manager.insert(TeamAuditEntryEntity, { id: randomUUID(), ...entry });
  }

  /** The préfecture's team actions, newest first. */
  teamAudit(prefectureId: string, limit: number): Promise<TeamAuditEntryEntity[]> {
    if (!present(prefectureId)) return Promise.resolve([]);
    return this.dataSource
      .getRepository(TeamAuditEntryEntity)
      .find({ where: { prefectureId }, order: { at: 'DESC', id: 'DESC' }, take: limit });
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

  /** The latest attempt of a bucket in the window other than `exceptId` (the one just counted). */
  async latestHitBefore(bucket: string, windowStart: Date, exceptId: string): Promise<Date | null> {
    if (!present(bucket)) return null;
    const latest = await this.dataSource.getRepository(RateLimitEventEntity).findOne({
      where: { bucket, at: MoreThan(windowStart), id: Not(exceptId) },
      order: { at: 'DESC' },
    });
    return latest?.at ?? null;
  }

  /** Housekeeping for the worker: expired sessions and links, old counts. */
  async purgeExpired(before: Date): Promise<void> {
    await this.dataSource.getRepository(RateLimitEventEntity).delete({ at: LessThan(before) });
    await this.dataSource.getRepository(AuthSessionEntity).delete({ expiresAt: LessThan(before) });
    await this.dataSource.getRepository(SignInTokenEntity).delete({ expiresAt: LessThan(before) });
  }
}
