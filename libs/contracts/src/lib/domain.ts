/** Values shared by the API and both fronts. Kept as string unions + const arrays so they serialise as-is. */

export const CARD_TYPES = ['VTC', 'TAXI', 'VMDTR'] as const;
export type CardType = (typeof CARD_TYPES)[number];

export const CIVILITIES = ['M', 'MME'] as const;
export type Civility = (typeof CIVILITIES)[number];

export const PIECES = ['PHOTO', 'SIGNATURE'] as const;
export type Piece = (typeof PIECES)[number];

/** States of an image request (see shared/spec/lifecycle.md). */
export const IMAGE_REQUEST_STATES = [
  'PENDING',
  'REMINDED',
  'SUBMITTED',
  'VALIDATED',
  'REJECTED',
  'CANCELLED',
] as const;
export type ImageRequestState = (typeof IMAGE_REQUEST_STATES)[number];

/** A request in one of these states blocks the creation of another for the same application. */
export const OPEN_IMAGE_REQUEST_STATES: readonly ImageRequestState[] = [
  'PENDING',
  'REMINDED',
  'SUBMITTED',
];

export const CARD_APPLICATION_STATES = [
  'AWAITING_IMAGES',
  'UNDER_REVIEW',
  'VALIDATED',
  'CANCELLED',
] as const;
export type CardApplicationState = (typeof CARD_APPLICATION_STATES)[number];

export const STORED_IMAGE_STATES = ['DRAFT', 'SUBMITTED', 'VALIDATED', 'REJECTED'] as const;
export type StoredImageState = (typeof STORED_IMAGE_STATES)[number];

export const ACTOR_TYPES = ['AGENT', 'DRIVER', 'SYSTEM'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const EMAIL_KINDS = [
  'IMAGE_REQUEST',
  'SIGN_IN_LINK',
  'REMINDER',
  'CANCELLATION',
  'RECEIPT',
  'PAYMENT_REQUEST',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const OUTBOX_STATES = ['PENDING', 'SENDING', 'SENT', 'FAILED'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export const SUBJECT_TYPES = ['DRIVER', 'AGENT'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** An agent's role: RESPONSABLE also invites and deactivates the agents of their préfecture. */
export const AGENT_ROLES = ['AGENT', 'RESPONSABLE'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

/** Team-management actions, in team_audit_entry. */
export const TEAM_ACTIONS = ['AGENT_INVITED', 'AGENT_DEACTIVATED'] as const;
export type TeamAction = (typeof TEAM_ACTIONS)[number];

export const CARD_TYPE_LABELS: Record<CardType, string> = {
  VTC: 'VTC',
  TAXI: 'TAXI',
  VMDTR: 'VMDTR',
};

/** The contact centre: one phone number, one address per card type. */
export const CONTACT_CENTRE = {
  phone: '0 806 00 01 14',
  phoneNote: 'service gratuit + prix de l’appel',
  emails: {
    VTC: 'contact.carte-vtc@ingroupe.com',
    TAXI: 'contact.carte-taxi@ingroupe.com',
    VMDTR: 'contact.carte-vmdtr@ingroupe.com',
  } satisfies Record<CardType, string>,
} as const;
