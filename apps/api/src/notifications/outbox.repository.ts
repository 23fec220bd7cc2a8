import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EmailKind } from '@t3p/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { OutboxEmailEntity } from '../database/entities';

export interface NewOutboxEmail {
  kind: EmailKind;
  dedupeKey: string;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
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
}
