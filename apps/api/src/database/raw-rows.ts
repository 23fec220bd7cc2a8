import type { ImageRequestEntity } from './entities';

/**
 * Rows read raw (a prepared statement, a hand-written join), the same on either engine: SQLite
 * gives dates as text and booleans as 0/1. Shared by the repositories that read an image_request
 * in their own statement (Requests' transitions, Auth's session check with the driver's request).
 */
export interface ContextRow {
  [column: string]: unknown;
}

export const date = (value: unknown): Date | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value
      : new Date(`${String(value).replace(' ', 'T')}Z`);

/** An image_request row read raw (either engine), its columns named `${prefix}column`. */
export function requestOfRow(row: ContextRow, prefix = ''): ImageRequestEntity {
  const column = (name: string) => row[`${prefix}${name}`];
  return {
    id: column('id') as string,
    applicationId: column('application_id') as string,
    prefectureId: column('prefecture_id') as string,
    cardType: column('card_type') as ImageRequestEntity['cardType'],
    accessRef: column('access_ref') as string,
    photoRequested: Boolean(column('photo_requested')),
    signatureRequested: Boolean(column('signature_requested')),
    reasonCode: column('reason_code') as string,
    reasonText: column('reason_text') as string,
    state: column('state') as ImageRequestEntity['state'],
    createdByAgentId: (column('created_by_agent_id') as string | null) ?? null,
    previousRequestId: (column('previous_request_id') as string | null) ?? null,
    createdAt: date(column('created_at')) as Date,
    remindedAt: date(column('reminded_at')),
    submittedAt: date(column('submitted_at')),
    decidedAt: date(column('decided_at')),
    cancelledAt: date(column('cancelled_at')),
    termsAcceptedAt: date(column('terms_accepted_at')),
    termsVersion: (column('terms_version') as string | null) ?? null,
  };
}

/** The columns of an image_request aliased `${prefix}column`, for raw joins that use requestOfRow. */
export const requestColumns = (alias: string, prefix: string) =>
  [
    'id',
    'application_id',
    'prefecture_id',
    'card_type',
    'access_ref',
    'photo_requested',
    'signature_requested',
    'reason_code',
    'reason_text',
    'state',
    'created_by_agent_id',
    'previous_request_id',
    'created_at',
    'reminded_at',
    'submitted_at',
    'decided_at',
    'cancelled_at',
    'terms_accepted_at',
    'terms_version',
  ]
    .map((name) => `${alias}.${name} AS ${prefix}${name}`)
    .join(', ');

/** Unique-constraint violation on either engine (the partial index "one open request", an email already taken). */
export function isUniqueViolation(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  return code === '23505' || code.startsWith('SQLITE_CONSTRAINT');
}
