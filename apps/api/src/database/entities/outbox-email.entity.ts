import type { EmailKind, OutboxState } from '@t3p/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An email to send, written in the same transaction as the change it reports. */
@Entity('outbox_email')
export class OutboxEmailEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: EmailKind;

  /** e.g. "<request id>:REMINDER": a retry after a crash can never enqueue twice. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 120, unique: true })
  dedupeKey: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36, nullable: true })
  applicationId: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 36, nullable: true })
  requestId: string | null;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  /** Null until rendered, for emails queued with their facts only (see `facts`). */
  @Column({ type: 'text', nullable: true })
  html: string | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** The facts a deferred email is rendered from at delivery (JSON), when html/text are null. */
  @Column({ type: 'text', nullable: true })
  facts: string | null;

  @Column({ type: 'varchar', length: 10 })
  state: OutboxState;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: Date })
  nextAttemptAt: Date;

  @Column({ name: 'claimed_by', type: 'varchar', length: 64, nullable: true })
  claimedBy: string | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;

  @Column({ name: 'sent_at', type: Date, nullable: true })
  sentAt: Date | null;
}
