import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { OutboxEmailEntity } from '../database/entities';
import { NewOutboxEmail, OutboxRepository } from './outbox.repository';
import { renderSignInLinkEmail, SignInLinkEmail } from './templates/sign-in-link.template';

/** What other modules call to send an email: it is queued in their transaction, sent later. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
  ) {}

  enqueue(manager: EntityManager, email: NewOutboxEmail): Promise<void> {
    return this.outbox.enqueue(manager, email, this.clock.now());
  }

  /** Queues several emails with one insert, in the caller's transaction. */
  enqueueMany(manager: EntityManager, emails: NewOutboxEmail[]): Promise<void> {
    return this.outbox.enqueueMany(manager, emails, this.clock.now());
  }

  /** Queues the "lien de connexion" email; `linkId` (the stored token's id) keys it once. */
  enqueueSignInLink(
    manager: EntityManager,
    email: SignInLinkEmail & { to: string; linkId: string; applicationId?: string | null },
  ): Promise<void> {
    const rendered = renderSignInLinkEmail(email);
    return this.enqueue(manager, {
      kind: 'SIGN_IN_LINK',
      dedupeKey: `${email.linkId}:SIGN_IN_LINK`,
      toAddress: email.to,
      applicationId: email.applicationId ?? null,
      ...rendered,
    });
  }

  /** What was sent, or is waiting, for an application: the back-office's delivery timeline. */
  emailsOfApplication(applicationId: string): Promise<OutboxEmailEntity[]> {
    return this.outbox.ofApplication(applicationId);
  }

  /** Retention purge: the emails of these applications go too, in the caller's transaction. */
  deleteOfApplicationsInTransaction(
    manager: EntityManager,
    applicationIds: string[],
  ): Promise<void> {
    return this.outbox.deleteOfApplications(manager, applicationIds);
  }
}
