import { documented, integer, nested, oneOf, text } from './openapi-fields';

export class ApiFieldError {
  field!: string;
  message!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<ApiFieldError>({
    field: text('Le champ en cause (chemin pointé pour un champ imbriqué).', {
      example: 'reasonText',
    }),
    message: text('Le problème, en français.', { example: 'Précisez le motif de la demande.' }),
  });
}

/**
 * Every code the API answers with, generic ones first, then the codes of each domain. Clients
 * branch on them; ApiException only takes one of these, so the OpenAPI enum stays complete.
 */
export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'NOT_ACCEPTABLE',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'TOO_MANY_REQUESTS',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
  /** The database does not answer in time or refuses connections: try again shortly (Retry-After). */
  'DATABASE_UNAVAILABLE',
  /** A state-changing request without the session's X-CSRF-Token. */
  'CSRF_INVALID',
  // Sign-in links.
  'LINK_EXPIRED',
  'LINK_USED',
  'LINK_SUPERSEDED',
  'LINK_INVALID',
  // Lists.
  'BAD_CURSOR',
  // Uploads (multipart body).
  'NO_FILE',
  'UNEXPECTED_FIELD',
  'WRONG_FIELD',
  'TOO_MANY_PARTS',
  'BAD_MULTIPART',
  'FILE_TOO_LARGE',
  /** 422 of an upload: the body is an ImageRefusal, with the verdict. */
  'IMAGE_INVALID',
  // Image requests and their lifecycle.
  'STATE_CONFLICT',
  'APPLICATION_CLOSED',
  'REQUEST_ALREADY_OPEN',
  'REQUEST_ALREADY_SUBMITTED',
  'REQUEST_CANCELLED',
  'REQUEST_CLOSED',
  'PIECE_NOT_REQUESTED',
  'TERMS_NOT_ACCEPTED',
  'TERMS_OUTDATED',
  'IMAGES_MISSING',
  'SUBMITTED_IMAGES_MISSING',
  'DECISIONS_INCOMPLETE',
  'NOTHING_REJECTED',
  // Team management.
  'AGENT_EXISTS',
  'SELF_DEACTIVATION',
  'ALREADY_INACTIVE',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The one error format of the API: a stable machine code and a French message for people. */
export class ApiError {
  statusCode!: number;
  /** Stable, upper-case code: clients branch on it, never on the message. */
  code!: ApiErrorCode;
  /** French sentence that can be shown to a driver or an agent as is. */
  message!: string;
  /** Per-field problems, when the input failed validation. */
  errors?: ApiFieldError[];
  /** Id of the request in the server's logs, to quote to the support. */
  requestId?: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<ApiError>({
    statusCode: integer('Le statut HTTP de la réponse.', { example: 409 }),
    code: oneOf(
      API_ERROR_CODES,
      'Code stable : les clients se fondent sur lui, jamais sur le message.',
      { example: 'REQUEST_ALREADY_OPEN' },
    ),
    message: text('Phrase en français, à montrer telle quelle.', {
      example: 'Une demande d’images est déjà en cours pour cette demande de carte.',
    }),
    errors: nested(
      () => [ApiFieldError],
      'Les problèmes champ par champ, quand l’entrée n’a pas passé la validation.',
      { required: false },
    ),
    requestId: text(
      'Identifiant de la requête dans les journaux du serveur, à citer à l’assistance.',
      { required: false },
    ),
  });
}

/** An error as a front holds it: the API's, or NETWORK when the API did not answer at all. */
export type ApiErrorBody = Omit<ApiError, 'code'> & { code: ApiErrorCode | 'NETWORK' };
