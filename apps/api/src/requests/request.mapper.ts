import type { AuditEntryView, ImageRequestView, Piece, RequestListItem } from '@t3p/contracts';
import { AgentEntity, AuditEntryEntity, ImageRequestEntity } from '../database/entities';
import type { Keyset } from './request-queries.repository';
import type { RequestContext } from './lifecycle/request-transitions.repository';

const DAY = 86_400_000;

export interface Delays {
  reminderDays: number;
  cancellationDays: number;
}

export const piecesOf = (
  request: Pick<ImageRequestEntity, 'photoRequested' | 'signatureRequested'>,
): Piece[] => [
  ...(request.photoRequested ? (['PHOTO'] as const) : []),
  ...(request.signatureRequested ? (['SIGNATURE'] as const) : []),
];

/** When an open request is cancelled if nothing is submitted; null once submitted or closed. */
export function deadlineOf(request: ImageRequestEntity, delays: Delays): Date | null {
  if (request.state === 'REMINDED' && request.remindedAt) {
    return new Date(request.remindedAt.getTime() + delays.cancellationDays * DAY);
  }
  if (request.state === 'PENDING') {
    return new Date(
      request.createdAt.getTime() + (delays.reminderDays + delays.cancellationDays) * DAY,
    );
  }
  return null;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toRequestView(request: ImageRequestEntity, delays: Delays): ImageRequestView {
  return {
    id: request.id,
    applicationId: request.applicationId,
    state: request.state,
    cardType: request.cardType,
    pieces: piecesOf(request),
    reasonCode: request.reasonCode,
    reason: request.reasonText,
    createdAt: request.createdAt.toISOString(),
    remindedAt: iso(request.remindedAt),
    submittedAt: iso(request.submittedAt),
    decidedAt: iso(request.decidedAt),
    cancelledAt: iso(request.cancelledAt),
    deadline: iso(deadlineOf(request, delays)),
    previousRequestId: request.previousRequestId,
  };
}

export function toListItem(
  { request, application }: RequestContext,
  delays: Delays,
): RequestListItem {
  return {
    ...toRequestView(request, delays),
    applicationState: application.state,
    cardNumber: application.cardNumber,
    driver: {
      driverIdentifier: application.driver.driverIdentifier,
      civility: application.driver.civility,
      lastName: application.driver.lastName,
      firstName: application.driver.firstName,
    },
  };
}

const ACTOR_LABELS = { DRIVER: 'le chauffeur', SYSTEM: 'le service (automatique)' } as const;

export function toAuditView(entry: AuditEntryEntity, agent: AgentEntity | null): AuditEntryView {
  return {
    at: entry.at.toISOString(),
    actorType: entry.actorType,
    actor:
      entry.actorType === 'AGENT'
        ? agent
          ? `${agent.firstName} ${agent.lastName}`
          : 'un agent de préfecture'
        : ACTOR_LABELS[entry.actorType],
    action: entry.action,
    requestId: entry.requestId,
    fromState: entry.fromState,
    toState: entry.toState,
    reason: entry.reason,
  };
}

/** The keyset cursor: opaque to clients, base64url of "<created_at ISO>|<id>". */
export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(`${keyset.createdAt.toISOString()}|${keyset.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): Keyset | null {
  const [at, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (
    extra !== undefined ||
    !id ||
    !/^[0-9a-f-]{36}$/.test(id) ||
    Number.isNaN(createdAt.getTime())
  )
    return null;
  return { createdAt, id };
}
