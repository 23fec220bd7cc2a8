import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { NewOutboxEmail, OutboxRepository } from './outbox.repository';

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
}
