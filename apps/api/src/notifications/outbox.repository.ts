import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EmailKind } from '@t3p/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, LessThan, LessThanOrEqual } from 'typeorm';
import { OutboxEmailEntity } from '../database/entities';

export interface NewOutboxEmail {
  kind: EmailKind;
  dedupeKey: string;
  toAddress: string;
  subject: string;
  /** Rendered now, or null with `facts` to render at delivery (the scheduler's batches). */
  html: string | null;
  text: string | null;
  facts?: string | null;
  applicationId?: string | null;
  requestId?: string | null;
}

/** The only code that touches the outbox table. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Adds an email inside the caller's transaction. The unique dedupe key makes a second insert
   * of the same (subject, kind) a no-op, so a replayed transition never sends twice.
   */
  async enqueue(manager: EntityManager, email: NewOutboxEmail, now: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxEmailEntity)
      .values({
        id: randomUUID(),
        ...email,
        facts: email.facts ?? null,
        applicationId: email.applicationId ?? null,
        requestId: email.requestId ?? null,
        state: 'PENDING',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      })
      .orIgnore()
      .execute();
  }

  /**
   * Several emails in one statement (the scheduler's batches). On PostgreSQL one array parameter
   * per column (`unnest`) and ON CONFLICT DO NOTHING on the dedupe key; elsewhere one INSERT OR
   * IGNORE with the rows.
   */
  async enqueueMany(manager: EntityManager, emails: NewOutboxEmail[], now: Date): Promise<void> {
    if (emails.length === 0) return;
    const rows = emails.map((email) => ({
      id: randomUUID(),
      ...email,
      facts: email.facts ?? null,
      applicationId: email.applicationId ?? null,
      requestId: email.requestId ?? null,
      state: 'PENDING' as const,
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    }));
    if (manager.connection.options.type === 'postgres') {
      const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
      await manager.query(
        `INSERT INTO outbox_email (id, kind, dedupe_key, application_id, request_id, to_address, subject, html, text, facts,
                                   state, attempts, next_attempt_at, created_at)
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[],
                              $7::varchar[], $8::text[], $9::text[], $10::text[], $11::varchar[], $12::int[], $13::timestamptz[],
                              $14::timestamptz[])
         ON CONFLICT (dedupe_key) DO NOTHING`,
        [
          column('id'),
          column('kind'),
          column('dedupeKey'),
          column('applicationId'),
          column('requestId'),
          column('toAddress'),
          column('subject'),
          column('html'),
          column('text'),
          column('facts'),
          column('state'),
          column('attempts'),
          column('nextAttemptAt'),
          column('createdAt'),
        ],
      );
      return;
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxEmailEntity)
      .values(rows)
      .orIgnore()
      .execute();
  }

  async listRecent(limit: number, before?: Date): Promise<OutboxEmailEntity[]> {
    return this.dataSource.getRepository(OutboxEmailEntity).find({
      where: before ? { createdAt: LessThan(before) } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  async findById(id: string): Promise<OutboxEmailEntity | null> {
    return this.dataSource.getRepository(OutboxEmailEntity).findOneBy({ id });
  }

  /**
   * Claims up to `limit` due emails for one worker tick: PENDING ones whose time has come, and
   * SENDING ones whose lease ran out (a worker that died mid-send). One conditional UPDATE sets
   * the tick's unique claim id; on PostgreSQL the candidate rows are locked with SKIP LOCKED so
   * concurrent instances take different rows instead of waiting. Returns the rows this tick won.
   */
  async claimDue(
    claim: string,
    now: Date,
    leaseUntil: Date,
    limit: number,
  ): Promise<OutboxEmailEntity[]> {
    if (!claim) return [];
    if (this.dataSource.options.type === 'postgres') {
      await this.dataSource.query(
        `UPDATE outbox_email SET state = 'SENDING', claimed_by = $1, attempts = attempts + 1, next_attempt_at = $2
          WHERE id IN (SELECT id FROM outbox_email
                        WHERE state IN ('PENDING', 'SENDING') AND next_attempt_at <= $3
                        ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED)`,
        [claim, leaseUntil, now, limit],
      );
    } else {
      const due = await this.dataSource.getRepository(OutboxEmailEntity).find({
        select: { id: true },
        where: { state: In(['PENDING', 'SENDING']), nextAttemptAt: LessThanOrEqual(now) },
        order: { nextAttemptAt: 'ASC' },
        take: limit,
      });
      if (due.length === 0) return [];
      // SQLite has one writer at a time; the repeated conditions make a concurrent claim lose.
      await this.dataSource
        .createQueryBuilder()
        .update(OutboxEmailEntity)
        .set({
          state: 'SENDING',
          claimedBy: claim,
          attempts: () => 'attempts + 1',
          nextAttemptAt: leaseUntil,
        })
        .where('id IN (:...ids)', { ids: due.map((row) => row.id) })
        .andWhere("state IN ('PENDING', 'SENDING')")
        .andWhere('next_attempt_at <= :now', { now })
        .execute();
    }
    return this.dataSource.getRepository(OutboxEmailEntity).find({
      where: { claimedBy: claim, state: 'SENDING' },
      order: { nextAttemptAt: 'ASC' },
    });
  }

  /** Pushes back the lease of the rows a live worker still holds. */
  async renewClaim(claim: string, leaseUntil: Date): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(OutboxEmailEntity)
      .set({ nextAttemptAt: leaseUntil })
      .where('claimed_by = :claim AND state = :sending', { claim, sending: 'SENDING' })
      .execute();
    return result.affected ?? 0;
  }

  /** Records the outcome of a send, only if this tick still holds the row. */
  async settle(
    id: string,
    claim: string,
    outcome: {
      state: 'SENT' | 'PENDING' | 'FAILED';
      at: Date;
      nextAttemptAt?: Date;
      error?: string | null;
    },
  ): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(OutboxEmailEntity)
      .set({
        state: outcome.state,
        claimedBy: null,
        sentAt: outcome.state === 'SENT' ? outcome.at : null,
        lastError: outcome.error ?? null,
        ...(outcome.nextAttemptAt ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
      })
      .where('id = :id AND claimed_by = :claim AND state = :sending', {
        id,
        claim,
        sending: 'SENDING',
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** The emails written for an application (never their bodies), oldest first. */
  ofApplication(applicationId: string): Promise<OutboxEmailEntity[]> {
    return this.dataSource.getRepository(OutboxEmailEntity).find({
      select: {
        id: true,
        kind: true,
        requestId: true,
        subject: true,
        state: true,
        attempts: true,
        createdAt: true,
        sentAt: true,
      },
      where: { applicationId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Deletes the emails of these applications (they carry names), in the caller's transaction. */
  async deleteOfApplications(manager: EntityManager, applicationIds: string[]): Promise<void> {
    if (applicationIds.length === 0) return;
    await manager.getRepository(OutboxEmailEntity).delete({ applicationId: In(applicationIds) });
  }
}
