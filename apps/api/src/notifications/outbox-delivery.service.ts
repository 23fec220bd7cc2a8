import { MailerService } from '@nestjs-modules/mailer';
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { Environment, runsBackgroundJobs } from '../config/environment';
import { OutboxEmailEntity } from '../database/entities';
import { OutboxRepository } from './outbox.repository';
import { materialise } from './templates/deferred-emails';
import { messageIdOf } from './message-id';

const BATCH = 50;
/** First retry after 30 s, doubling, at most one hour apart. */
export const retryDelayMs = (attempts: number) =>
  Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

/** Keeps an SMTP error useful for operators without any address in it. */
const describe = (error: unknown) =>
  (error instanceof Error
    ? `${(error as Error & { code?: string }).code ?? error.name}: ${error.message}`
    : String(error)
  )
    .replace(/[^\s<>"']+@[^\s<>"']+/g, '<adresse>')
    .slice(0, 500);

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * The outbox worker. Every instance of role `all` or `worker` runs it (SCHEDULER_ENABLED); each tick claims due rows with one conditional
 * update (SKIP LOCKED on PostgreSQL), sends them, and records the outcome. Sending never happens
 * inside an HTTP request. Without SMTP_URL outside production, emails stay in the outbox, where
 * the development mailbox shows them, and are marked SENT as captured.
 */
@Injectable()
export class OutboxDeliveryService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDeliveryService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<DeliveryReport>;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    private readonly env: Environment,
    @Optional() private readonly mailer?: MailerService,
  ) {}

  onModuleInit(): void {
    if (!runsBackgroundJobs(this.env)) return;
    if (this.env.NODE_ENV === 'production' && !this.env.SMTP_URL) {
      // Nothing is marked sent without a server to send it to: the emails wait in the outbox.
      this.logger.warn(
        'SMTP_URL is not set: no email (sign-in links included) is sent; they wait in the outbox until SMTP_URL is set',
      );
      return;
    }
    this.timer = setInterval(() => {
      void this.deliverDue().catch((error: unknown) =>
        this.logger.error({ err: describe(error) }, 'Outbox tick failed'),
      );
    }, this.env.OUTBOX_POLL_SECONDS * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One tick; ticks of one process never overlap. Tests call it directly. */
  deliverDue(): Promise<DeliveryReport> {
    this.running ??= this.tick().finally(() => (this.running = undefined));
    return this.running;
  }

  private async tick(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
    const capture = !this.env.SMTP_URL;
    if (capture && this.env.NODE_ENV === 'production') return report;
    const claim = randomUUID();
    const leaseMs = this.env.OUTBOX_LEASE_SECONDS * 1000;
    const now = this.clock.now();
    const rows = await this.outbox.claimDue(claim, now, new Date(now.getTime() + leaseMs), BATCH);
    if (rows.length === 0) return report;
    const lease = this.keepClaim(claim, leaseMs);
    try {
      for (const row of rows) {
        // Past its lease another instance may already be sending these rows: leave them to it.
        if (!lease.held()) break;
        await this.deliverOne(row, claim, capture, report);
      }
    } finally {
      lease.stop();
    }
    this.logger.log({ ...report }, 'Outbox tick');
    return report;
  }

  /**
   * Renews the claim's lease every third of it while this worker is busy with its batch, so a
   * live worker's emails are never taken over; a crashed one's are, once its lease runs out.
   * `held()` turns false when the last renewal is older than the lease (a blocked process).
   */
  private keepClaim(claim: string, leaseMs: number): { held(): boolean; stop(): void } {
    let renewedAt = performance.now();
    const timer = setInterval(() => {
      const started = performance.now();
      this.outbox
        .renewClaim(claim, new Date(this.clock.now().getTime() + leaseMs))
        .then(() => (renewedAt = started))
        .catch((error: unknown) =>
          this.logger.warn({ err: describe(error) }, 'Outbox lease not renewed'),
        );
    }, leaseMs / 3);
    timer.unref();
    return {
      held: () => performance.now() - renewedAt < leaseMs * 0.9,
      stop: () => clearInterval(timer),
    };
  }

  private async deliverOne(
    row: OutboxEmailEntity,
    claim: string,
    capture: boolean,
    report: DeliveryReport,
  ): Promise<void> {
    try {
      if (!capture) await this.send(row);
      await this.outbox.settle(row.id, claim, { state: 'SENT', at: this.clock.now() });
      report.sent += 1;
    } catch (error) {
      const failed = row.attempts >= this.env.OUTBOX_MAX_ATTEMPTS;
      const at = this.clock.now();
      await this.outbox.settle(row.id, claim, {
        state: failed ? 'FAILED' : 'PENDING',
        at,
        nextAttemptAt: failed ? at : new Date(at.getTime() + retryDelayMs(row.attempts)),
        error: describe(error),
      });
      if (failed) report.failed += 1;
      else report.retried += 1;
      this.logger.warn(
        { emailId: row.id, kind: row.kind, attempts: row.attempts, failed },
        'Email not delivered',
      );
    }
  }

  private async send(row: OutboxEmailEntity): Promise<void> {
    if (!this.mailer) throw new Error('No mail transport configured');
    const email = materialise(row);
    await this.mailer.sendMail({
      from: this.env.MAIL_FROM,
      to: row.toAddress,
      subject: email.subject,
      html: email.html,
      text: email.text,
      // The same on every attempt: a repeat after a crash is recognisable as one.
      messageId: messageIdOf(row.id, this.env),
      headers: { 'X-T3P-Email-Id': row.id },
    });
  }
}
