/** The one error format of the API: a stable machine code and a French message for people. */
export interface ApiErrorBody {
  statusCode: number;
  /** Stable, upper-case code: clients branch on it, never on the message. */
  code: string;
  /** French sentence that can be shown to a driver or an agent as is. */
  message: string;
  /** Per-field problems, when the input failed validation. */
  errors?: ApiFieldError[];
  /** Id of the request in the server's logs, to quote to the support. */
  requestId?: string;
}

export interface ApiFieldError {
  field: string;
  message: string;
}

export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'TOO_MANY_REQUESTS',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
  /** The database does not answer in time or refuses connections: try again shortly (Retry-After). */
  'DATABASE_UNAVAILABLE',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
