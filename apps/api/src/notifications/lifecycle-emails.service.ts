import { Injectable } from '@nestjs/common';
import type { EmailKind } from '@t3p/contracts';
import type { EntityManager } from 'typeorm';
import { Environment } from '../config/environment';
import type { NewOutboxEmail } from './outbox.repository';
import { OutboxService } from './outbox.service';
import {
  LifecycleEmailFacts,
  renderCancellationEmail,
  renderImageRequestEmail,
  renderPaymentRequestEmail,
  renderReceiptEmail,
  renderRejectionEmail,
  RejectedPiece,
  renderReminderEmail,
  RenderedEmail,
} from './templates/lifecycle-emails.template';
import { CancellationFacts, deferredRow, ReminderFacts } from './templates/deferred-emails';

export type {
  LifecycleEmailFacts,
  RejectedPiece,
  RenderedEmail,
} from './templates/lifecycle-emails.template';

/** Who the email goes to and which request it reports: the dedupe key is (request, kind). */
export interface LifecycleEmailTarget {
  to: string;
  requestId: string;
  applicationId: string;
}

/**
 * The emails of the image-request lifecycle. Each is rendered and queued in the caller's
 * transaction; the outbox's unique key `<request id>:<kind>` makes a replay a no-op.
 */
@Injectable()
export class LifecycleEmailsService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly env: Environment,
  ) {}

  imageRequest(
    manager: EntityManager,
    target: LifecycleEmailTarget,
    facts: LifecycleEmailFacts & { deadline: Date },
  ) {
    return this.queue(manager, 'IMAGE_REQUEST', target, renderImageRequestEmail(facts));
  }

  /**
   * The follow-up request opened by a rejection: one email that says what was refused and why,
   * and carries the new request's link. It is that request's IMAGE_REQUEST email (same dedupe key).
   */
  rejection(
    manager: EntityManager,
    target: LifecycleEmailTarget,
    facts: LifecycleEmailFacts & { deadline: Date; rejected: RejectedPiece[] },
  ) {
    return this.queue(manager, 'IMAGE_REQUEST', target, renderRejectionEmail(facts));
  }

  /** The image-request email as it would be sent now, queued nowhere: the back-office's preview. */
  imageRequestPreview(facts: LifecycleEmailFacts & { deadline: Date }): RenderedEmail {
    return renderImageRequestEmail(facts);
  }

  /** The rejection email (with its new request) as it would be sent now, queued nowhere: the review's preview. */
  rejectionPreview(
    facts: LifecycleEmailFacts & { deadline: Date; rejected: RejectedPiece[] },
  ): RenderedEmail {
    return renderRejectionEmail(facts);
  }

  reminder(
    manager: EntityManager,
    target: LifecycleEmailTarget,
    facts: LifecycleEmailFacts & { deadline: Date; remainingDays: number },
  ) {
    return this.queue(manager, 'REMINDER', target, renderReminderEmail(facts));
  }

  cancellation(
    manager: EntityManager,
    target: LifecycleEmailTarget,
    facts: LifecycleEmailFacts & { remindedAt: Date; cancelledAt: Date },
  ) {
    return this.queue(manager, 'CANCELLATION', target, renderCancellationEmail(facts));
  }

  receipt(
    manager: EntityManager,
    target: LifecycleEmailTarget,
    facts: LifecycleEmailFacts & { submittedAt: Date },
  ) {
    return this.queue(manager, 'RECEIPT', target, renderReceiptEmail(facts));
  }

  paymentRequest(
    manager: EntityManager,
    target: LifecycleEmailTarget,
    facts: LifecycleEmailFacts & { validatedAt: Date },
  ) {
    return this.queue(
      manager,
      'PAYMENT_REQUEST',
      target,
      renderPaymentRequestEmail({ ...facts, paymentPortalUrl: this.env.PAYMENT_PORTAL_URL }),
    );
  }

  /**
   * The scheduler's batches: many reminders in one insert. Only their facts are stored; they are
   * rendered at delivery, which keeps a tick's transaction short.
   */
  reminders(
    manager: EntityManager,
    items: { target: LifecycleEmailTarget; facts: ReminderFacts }[],
  ) {
    return this.outbox.enqueueMany(
      manager,
      items.map(({ target, facts }) =>
        this.row('REMINDER', target, deferredRow({ kind: 'REMINDER', facts })),
      ),
    );
  }

  cancellations(
    manager: EntityManager,
    items: { target: LifecycleEmailTarget; facts: CancellationFacts }[],
  ) {
    return this.outbox.enqueueMany(
      manager,
      items.map(({ target, facts }) =>
        this.row('CANCELLATION', target, deferredRow({ kind: 'CANCELLATION', facts })),
      ),
    );
  }

  private queue(
    manager: EntityManager,
    kind: EmailKind,
    target: LifecycleEmailTarget,
    email: RenderedEmail,
  ): Promise<void> {
    return this.outbox.enqueue(manager, this.row(kind, target, email));
  }

  private row(
    kind: EmailKind,
    target: LifecycleEmailTarget,
    email: RenderedEmail | ReturnType<typeof deferredRow>,
  ): NewOutboxEmail {
    return {
      kind,
      dedupeKey: `${target.requestId}:${kind}`,
      toAddress: target.to,
      applicationId: target.applicationId,
      requestId: target.requestId,
      ...email,
    };
  }
}
