import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { Environment } from '../../config/environment';
import { ImagesService } from '../../images/images.service';
import { LifecycleEmailsService } from '../../notifications/lifecycle-emails.service';
import { OutboxService } from '../../notifications/outbox.service';
import { LifecycleService } from './lifecycle.service';
import { RequestTransitionsRepository } from './request-transitions.repository';

const DAY = 86_400_000;

/**
 * The transitions driven by time: reminder, cancellation, retention purge. Each batch (at most
 * SCHEDULER_BATCH_SIZE rows: bounded memory and short locks, whatever the backlog) is one
 * set-based conditional UPDATE … RETURNING (SKIP LOCKED on PostgreSQL) followed, in the same
 * transaction, by the audit entries and the outbox rows of exactly the rows this instance won.
 * Safe on any number of instances running at once.
 */
@Injectable()
export class TimedTransitionsService {
  constructor(
    private readonly transitions: RequestTransitionsRepository,
    private readonly lifecycle: LifecycleService,
    private readonly emails: LifecycleEmailsService,
    private readonly images: ImagesService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly env: Environment,
  ) {}

  /** PENDING for REMINDER_DELAY_DAYS → REMINDED + the "relance" email. Returns how many this call moved. */
  async remindDue(batch = this.env.SCHEDULER_BATCH_SIZE): Promise<number> {
    let total = 0;
    for (;;) {
      const moved = await this.transitions.run(async (scope) => {
        const now = this.clock.now();
        const contexts = await scope.claimDue(
          'PENDING',
          'REMINDED',
          new Date(now.getTime() - this.env.REMINDER_DELAY_DAYS * DAY),
          now,
          batch,
        );
        await scope.audit(
          contexts.map(({ request }) => ({
            applicationId: request.applicationId,
            requestId: request.id,
            actorType: 'SYSTEM' as const,
            actorId: null,
            action: 'REMINDER_SENT',
            fromState: 'PENDING',
            toState: 'REMINDED',
            reason: `Aucune image reçue ${this.env.REMINDER_DELAY_DAYS} jours après la demande.`,
            at: now,
          })),
        );
        const deadline = new Date(now.getTime() + this.env.CANCELLATION_DELAY_DAYS * DAY);
        await this.emails.reminders(
          scope.manager,
          contexts.map((context) => ({
            target: this.lifecycle.emailTarget(context),
            facts: {
              ...this.lifecycle.emailFacts(context),
              deadline,
              remainingDays: this.env.CANCELLATION_DELAY_DAYS,
            },
          })),
        );
        return contexts.length;
      });
      total += moved;
      if (moved < batch) return total;
    }
  }

  /** REMINDED for CANCELLATION_DELAY_DAYS → CANCELLED, the application too, + the "annulation" email. */
  async cancelDue(batch = this.env.SCHEDULER_BATCH_SIZE): Promise<number> {
    let total = 0;
    for (;;) {
      const moved = await this.transitions.run(async (scope) => {
        const now = this.clock.now();
        const contexts = await scope.claimDue(
          'REMINDED',
          'CANCELLED',
          new Date(now.getTime() - this.env.CANCELLATION_DELAY_DAYS * DAY),
          now,
          batch,
        );
        const ids = contexts.map(({ request }) => request.id);
        await scope.setApplicationState(
          contexts.map(({ request }) => request.applicationId),
          'CANCELLED',
          now,
        );
        await this.images.deleteDraftsInTransaction(scope.manager, ids);
        await scope.audit(
          contexts.map(({ request }) => ({
            applicationId: request.applicationId,
            requestId: request.id,
            actorType: 'SYSTEM' as const,
            actorId: null,
            action: 'REQUEST_CANCELLED',
            fromState: 'REMINDED',
            toState: 'CANCELLED',
            reason: `Aucune image reçue ${this.env.CANCELLATION_DELAY_DAYS} jours après la relance.`,
            at: now,
          })),
        );
        await this.emails.cancellations(
          scope.manager,
          contexts.map((context) => ({
            target: this.lifecycle.emailTarget(context),
            facts: {
              ...this.lifecycle.emailFacts(context),
              remindedAt: context.request.remindedAt ?? now,
              cancelledAt: now,
            },
          })),
        );
        return ids.length;
      });
      total += moved;
      if (moved < batch) return total;
    }
  }

  /**
   * Erases the personal data and images of drivers whose every card ended more than
   * RETENTION_DAYS_AFTER_CARD_EXPIRY days ago (the data notice promises at most one year).
   */
  async purgeDue(batch = this.env.SCHEDULER_BATCH_SIZE): Promise<number> {
    let total = 0;
    for (;;) {
      const moved = await this.transitions.run(async (scope) => {
        const now = this.clock.now();
        const purged = await scope.purgeDrivers(
          new Date(now.getTime() - this.env.RETENTION_DAYS_AFTER_CARD_EXPIRY * DAY),
          now,
          batch,
        );
        // Their images, and their emails (which carry names), go in the same transaction.
        await this.images.deleteOfApplicationsInTransaction(scope.manager, purged.applicationIds);
        await this.outbox.deleteOfApplicationsInTransaction(scope.manager, purged.applicationIds);
        await scope.audit(
          purged.applicationIds.map((applicationId) => ({
            applicationId,
            requestId: null,
            actorType: 'SYSTEM' as const,
            actorId: null,
            action: 'DATA_PURGED',
            fromState: null,
            toState: null,
            reason: `Données personnelles et images effacées ${this.env.RETENTION_DAYS_AFTER_CARD_EXPIRY} jours après la fin de validité de la carte.`,
            at: now,
          })),
        );
        return purged.driverIds.length;
      });
      total += moved;
      if (moved < batch) return total;
    }
  }
}
