/**
 * Whether an error means the database cannot be reached or does not answer in time (as opposed
 * to a fault of the request or of the code): the API then answers 503, never 500.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** SQLSTATE classes and codes: connection exception, insufficient resources, operator intervention. */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P)/;
const STATEMENT_CANCELLED = '57014';
/** SQLite: still locked by another writer after the busy timeout. */
const SQLITE_BUSY = /^SQLITE_BUSY/;
/** The messages of pg and pg-pool for waits that ran out and connections that died. */
const DRIVER_MESSAGES = [
  /^Query read timeout$/,
  /^timeout exceeded when trying to connect$/,
  /^Connection terminated/,
  /^timeout expired$/,
  /is not queryable$/,
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const candidate = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  const code = typeof candidate.code === 'string' ? candidate.code : '';
  if (
    NETWORK_CODES.has(code) ||
    UNAVAILABLE_SQLSTATE.test(code) ||
    code === STATEMENT_CANCELLED ||
    SQLITE_BUSY.test(code)
  )
    return true;
  if (
    typeof candidate.message === 'string' &&
    DRIVER_MESSAGES.some((pattern) => pattern.test(candidate.message as string))
  )
    return true;
  // TypeORM's QueryFailedError wraps the driver's; Node's AggregateError (several addresses) holds one per attempt.
  const nested = [
    candidate.driverError,
    candidate.cause,
    ...(Array.isArray(candidate.errors) ? candidate.errors : []),
  ];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
