import { Injectable } from '@nestjs/common';
import type { DevMailboxEmail, DevMailboxSummary } from '@t3p/contracts';
import { ApiException } from '../common/errors/api-exception';
import { OutboxEmailEntity } from '../database/entities';
import { OutboxRepository } from './outbox.repository';
import { materialise } from './templates/deferred-emails';

const toSummary = (email: OutboxEmailEntity): DevMailboxSummary => ({
  id: email.id,
  kind: email.kind,
  to: email.toAddress,
  subject: email.subject,
  state: email.state,
  createdAt: email.createdAt.toISOString(),
  sentAt: email.sentAt ? email.sentAt.toISOString() : null,
});

/** Outside production, every email written to the outbox can be read in the browser. */
@Injectable()
export class DevMailboxService {
  constructor(private readonly outbox: OutboxRepository) {}

  async list(limit: number): Promise<DevMailboxSummary[]> {
    return (await this.outbox.listRecent(limit)).map(toSummary);
  }

  async get(id: string): Promise<DevMailboxEmail> {
    const email = await this.outbox.findById(id);
    if (!email) throw ApiException.notFound('Ce courriel n’existe pas.');
    const { html, text } = materialise(email);
    return { ...toSummary(email), html, text };
  }
}
