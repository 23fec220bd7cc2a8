import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/openapi';

export type { components, operations, paths } from './generated/openapi';

/** The schemas of docs/openapi.json, by name. */
export type Schemas = components['schemas'];
export type ApiError = Schemas['ApiError'];
export type ApplicationDetail = Schemas['ApplicationDetail'];
export type ApplicationListItem = Schemas['ApplicationListItem'];
export type ApplicationPage = Schemas['ApplicationPage'];
export type AuditEntryView = Schemas['AuditEntryView'];
export type CreateImageRequestBody = Schemas['CreateImageRequestBody'];
export type DashboardOverview = Schemas['DashboardOverview'];
export type DevMailboxEmail = Schemas['DevMailboxEmail'];
export type DevMailboxSummary = Schemas['DevMailboxSummary'];
export type DriverRequestView = Schemas['DriverRequestView'];
export type EmailDeliveryView = Schemas['EmailDeliveryView'];
export type EmailPreview = Schemas['EmailPreview'];
export type ImageRefusal = Schemas['ImageRefusal'];
export type ImageRequestView = Schemas['ImageRequestView'];
export type InviteAgentBody = Schemas['InviteAgentBody'];
export type MedianDuration = Schemas['MedianDuration'];
export type Me = Schemas['Me'];
export type PrefectureStatistics = Schemas['PrefectureStatistics'];
export type RequestListItem = Schemas['RequestListItem'];
export type RequestPage = Schemas['RequestPage'];
export type ReviewableRequest = Schemas['ReviewableRequest'];
export type ReviewRequestBody = Schemas['ReviewRequestBody'];
export type ReviewResult = Schemas['ReviewResult'];
export type SignInLinkSent = Schemas['SignInLinkSent'];
export type SignInResult = Schemas['SignInResult'];
export type SiteInfo = Schemas['SiteInfo'];
export type StoredImageSummary = Schemas['StoredImageSummary'];
export type TeamActivityEntry = Schemas['TeamActivityEntry'];
export type TeamMember = Schemas['TeamMember'];
export type Verdict = Schemas['Verdict'];

/** The typed client of the API: `api.GET('/api/me')`, `api.POST('/api/auth/sign-in', { body })`… */
export type T3pApi = Client<paths>;

/** A call that did not succeed: the HTTP status (0 when the API did not answer) and the body it sent. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    options?: { cause?: unknown },
  ) {
    super(`API answered ${status}`, options);
    this.name = 'ApiCallError';
  }
}

/** The ApiError of a failed call, when the API sent one. */
export function apiErrorBodyOf(error: unknown): ApiError | ImageRefusal | null {
  const body = error instanceof ApiCallError ? error.body : null;
  return body && typeof body === 'object' && 'code' in body
    ? (body as ApiError | ImageRefusal)
    : null;
}

/** The 422 of an upload: the file broke a rule, the verdict says which. */
export function isImageRefusal(body: unknown): body is ImageRefusal {
  return (
    !!body &&
    typeof body === 'object' &&
    (body as { code?: unknown }).code === 'IMAGE_INVALID' &&
    'verdict' in body
  );
}

/** The data of a successful call; anything else throws an ApiCallError. */
export async function ok<D>(
  pending: Promise<{ data?: D; error?: unknown; response: Response }>,
): Promise<D> {
  let result: { data?: D; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (cause) {
    throw new ApiCallError(0, null, { cause });
  }
  if (!result.response.ok) throw new ApiCallError(result.response.status, result.error ?? null);
  return result.data as D;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The writes anyone may call (`security: []` in the document): no session, so no token. */
const PUBLIC_WRITES = new Set([
  '/api/auth/driver/sign-in-links',
  '/api/auth/agent/sign-in-links',
  '/api/auth/sign-in',
  '/api/images/check',
]);
/** The header the API checks on every state-changing request of a session. */
export const CSRF_HEADER_NAME = 'X-CSRF-Token';

export interface ApiClientOptions {
  /** '' in the browser (same origin); the API's origin elsewhere. */
  baseUrl?: string;
  fetch?: (request: Request) => Promise<Response>;
  /** Called when the API answers 401: the session is over (expired, revoked, or none). */
  onUnauthenticated?: () => void;
}

/**
 * The client, with the one place that handles the session's CSRF token and the 401: the token is
 * kept from the sign-in or GET /api/me, read from GET /api/me before the first write when not
 * known yet, sent in X-CSRF-Token on every write, and forgotten on sign-out and on any 401.
 */
export function createApiClient(options: ApiClientOptions = {}): {
  api: T3pApi;
  session: CsrfSession;
} {
  const api = createClient<paths>({ baseUrl: options.baseUrl ?? '', fetch: options.fetch });
  const session = new CsrfSession(api);
  const middleware: Middleware = {
    async onRequest({ request, schemaPath }) {
      if (SAFE_METHODS.has(request.method) || PUBLIC_WRITES.has(schemaPath)) return request;
      request.headers.set(CSRF_HEADER_NAME, await session.token());
      return request;
    },
    async onResponse({ response, schemaPath }) {
      if (response.status === 401) {
        session.forget();
        options.onUnauthenticated?.();
      } else if (response.ok && (schemaPath === '/api/auth/sign-in' || schemaPath === '/api/me')) {
        const body = (await response.clone().json()) as { csrfToken?: string };
        if (body.csrfToken) session.remember(body.csrfToken);
      } else if (response.ok && schemaPath === '/api/auth/sign-out') {
        session.forget();
      }
      return response;
    },
  };
  api.use(middleware);
  return { api, session };
}

/** The anti-CSRF token of the current session, as the client knows it. */
export class CsrfSession {
  private current: string | null = null;

  constructor(private readonly api: T3pApi) {}

  remember(token: string): void {
    this.current = token;
  }

  forget(): void {
    this.current = null;
  }

  /** The token, asked to GET /api/me when not known yet (that answer is remembered by the middleware). */
  async token(): Promise<string> {
    if (this.current) return this.current;
    const me = await ok(this.api.GET('/api/me'));
    this.current = me.csrfToken;
    return me.csrfToken;
  }
}
