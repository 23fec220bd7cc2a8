import { frenchDate, frenchDateTime } from '@t3p/contracts/texts';
import type {
  CardApplicationState,
  CardType,
  EmailKind,
  ImageRequestState,
  OutboxState,
  Piece,
  RequestReasonCode,
} from '@t3p/contracts';

/*
 * Only types come from @t3p/contracts: its values module carries class-validator decorators,
 * which need reflect-metadata at run time. The Record types below make the compiler check that
 * every state, card type and reason of the contracts has its entry here.
 */

export const STATE_LABELS: Record<ImageRequestState, string> = {
  PENDING: 'En attente du chauffeur',
  REMINDED: 'Relancée',
  SUBMITTED: 'À examiner',
  VALIDATED: 'Validée',
  REJECTED: 'Refusée',
  CANCELLED: 'Annulée',
};

/** DSFR badge variants: the state is also written, never shown by colour alone. */
export const IMAGE_REQUEST_STATES = Object.keys(STATE_LABELS) as ImageRequestState[];
export const OPEN_STATES: readonly ImageRequestState[] = ['PENDING', 'REMINDED', 'SUBMITTED'];

const CARD_TYPE_SET: Record<CardType, true> = { VTC: true, TAXI: true, VMDTR: true };
export const CARD_TYPES = Object.keys(CARD_TYPE_SET) as CardType[];

/** The catalogue of reasons, as the agent picks them (the email's wording is the API's). */
export const REASON_LABELS: Record<RequestReasonCode, string> = {
  IMAGES_MISSING: 'Images absentes de la demande de carte',
  PHOTO_BLURRY: 'Photo floue',
  PHOTO_BACKGROUND: 'Fond de la photo ni uni ni clair',
  PHOTO_LIGHTING: 'Visage mal éclairé (sombre, reflets, ombres)',
  PHOTO_FRAMING: 'Visage mal cadré (pas de face, coupé, décentré)',
  PHOTO_NOT_COMPLIANT: 'Photo non conforme (lunettes, couvre-chef, expression)',
  SIGNATURE_ILLEGIBLE: 'Signature illisible ou trop pâle',
  SIGNATURE_CROPPED: 'Signature coupée ou débordant du cadre',
  FORMAT_INVALID: 'Format, résolution ou poids du fichier inadaptés',
  OTHER: 'Autre motif (à préciser)',
};
export const REASON_CODES = Object.keys(REASON_LABELS) as RequestReasonCode[];

/**
 * The sentences the driver reads for each reason: the API's catalogue (REQUEST_REASONS of
 * @t3p/contracts, whose DTO classes the front does not load), kept equal by labels.spec.ts.
 */
export const REASON_TEXTS: Record<RequestReasonCode, string> = {
  IMAGES_MISSING: 'Les images jointes à la demande de carte sont absentes.',
  PHOTO_BLURRY: 'La photo d’identité est floue.',
  PHOTO_BACKGROUND: 'Le fond de la photo d’identité n’est pas uni et clair.',
  PHOTO_LIGHTING: 'Le visage est mal éclairé (trop sombre, reflets ou ombres).',
  PHOTO_FRAMING: 'Le visage n’est pas cadré de face, entier et centré.',
  PHOTO_NOT_COMPLIANT:
    'La photo d’identité ne respecte pas les normes (lunettes, couvre-chef, expression).',
  SIGNATURE_ILLEGIBLE: 'La signature est illisible ou trop pâle.',
  SIGNATURE_CROPPED: 'La signature est coupée ou déborde du cadre.',
  FORMAT_INVALID: 'Le format, la résolution ou la taille du fichier ne conviennent pas.',
  OTHER: 'Autre motif',
};

export const STATE_BADGES: Record<ImageRequestState, string> = {
  PENDING: 'fr-badge--info',
  REMINDED: 'fr-badge--warning',
  SUBMITTED: 'fr-badge--new',
  VALIDATED: 'fr-badge--success',
  REJECTED: 'fr-badge--error',
  CANCELLED: '',
};

export const APPLICATION_STATE_LABELS: Record<CardApplicationState, string> = {
  AWAITING_IMAGES: 'En attente d’images',
  UNDER_REVIEW: 'En cours d’instruction',
  VALIDATED: 'Validée',
  CANCELLED: 'Annulée',
};

export const PIECE_LABELS: Record<Piece, string> = {
  PHOTO: 'Photo d’identité',
  SIGNATURE: 'Signature',
};

export const ACTION_LABELS: Record<string, string> = {
  REQUEST_CREATED: 'Demande d’images créée',
  TERMS_ACCEPTED: 'Conditions d’utilisation acceptées',
  REQUEST_SUBMITTED: 'Images envoyées par le chauffeur',
  REMINDER_SENT: 'Relance envoyée',
  REQUEST_CANCELLED: 'Demande annulée faute d’envoi',
  REQUEST_VALIDATED: 'Images validées',
  REQUEST_REJECTED: 'Images refusées',
  DRAFTS_DISCARDED: 'Envoi recommencé par le chauffeur',
  DATA_PURGED: 'Données personnelles effacées',
};

export const EMAIL_LABELS: Record<EmailKind, string> = {
  IMAGE_REQUEST: 'Courriel « demande d’images »',
  SIGN_IN_LINK: 'Courriel « lien de connexion »',
  REMINDER: 'Courriel « relance »',
  CANCELLATION: 'Courriel « annulation »',
  RECEIPT: 'Courriel « accusé de réception »',
  PAYMENT_REQUEST: 'Courriel « demande de paiement »',
};

export const DELIVERY_LABELS: Record<OutboxState, string> = {
  PENDING: 'en file d’envoi',
  SENDING: 'en cours d’envoi',
  SENT: 'remis au serveur de messagerie',
  FAILED: 'échec d’envoi (signalé à l’exploitation)',
};

/** « 1er décembre 2026 à 20 h 15 », in Paris time: the same writing as the driver portal and the emails. */
export const frDateTime = (iso: string | null | undefined) => frenchDateTime(iso);
/** « 1er déc. 2026 ». */
export const frDate = (iso: string | null | undefined) => frenchDate(iso, 'short');
