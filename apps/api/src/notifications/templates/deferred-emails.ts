import type { EmailKind } from '@t3p/contracts';
import {
  cancellationSubject,
  LifecycleEmailFacts,
  reminderSubject,
  renderCancellationEmail,
  renderReminderEmail,
  RenderedEmail,
} from './lifecycle-emails.template';

export type ReminderFacts = LifecycleEmailFacts & { deadline: Date; remainingDays: number };
export type CancellationFacts = LifecycleEmailFacts & { remindedAt: Date; cancelledAt: Date };

/** The emails the scheduler queues by the thousand: their facts are stored, rendering waits for delivery. */
export type DeferredEmail =
  { kind: 'REMINDER'; facts: ReminderFacts } | { kind: 'CANCELLATION'; facts: CancellationFacts };

const DATE_FIELDS = ['requestedAt', 'deadline', 'remindedAt', 'cancelledAt'] as const;

/** What is queued for a deferred email: its subject now (lists show it), its facts as JSON. */
export function deferredRow(email: DeferredEmail): {
  subject: string;
  html: null;
  text: null;
  facts: string;
} {
  const subject =
    email.kind === 'REMINDER'
      ? reminderSubject(email.facts.cardType)
      : cancellationSubject(email.facts.cardType);
  return { subject, html: null, text: null, facts: JSON.stringify(email.facts) };
}

function revive(json: string): Record<string, unknown> {
  const facts = JSON.parse(json) as Record<string, unknown>;
  for (const field of DATE_FIELDS) {
    if (typeof facts[field] === 'string') facts[field] = new Date(facts[field] as string);
  }
  return facts;
}

/** The email as sent: rendered already, or rendered now from its stored facts. */
export function materialise(row: {
  kind: EmailKind;
  subject: string;
  html: string | null;
  text: string | null;
  facts: string | null;
}): RenderedEmail {
  if (row.html !== null && row.text !== null)
    return { subject: row.subject, html: row.html, text: row.text };
  if (!row.facts) throw new Error(`Email of kind ${row.kind} has neither content nor facts`);
  const facts = revive(row.facts);
  if (row.kind === 'REMINDER') return renderReminderEmail(facts as unknown as ReminderFacts);
  if (row.kind === 'CANCELLATION')
    return renderCancellationEmail(facts as unknown as CancellationFacts);
  throw new Error(`Email of kind ${row.kind} cannot be rendered from facts`);
}
