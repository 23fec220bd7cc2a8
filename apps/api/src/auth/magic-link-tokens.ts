import MagicLoginStrategy from 'passport-magic-login';

/** What a sign-in link's JWT carries: a random id whose hash is stored, nothing personal. */
export interface LinkClaims {
  /** The random token id (the stored half is its SHA-256). */
  tid: string;
}

export type LinkCheck =
  { ok: true; claims: LinkClaims } | { ok: false; reason: 'EXPIRED' | 'INVALID' };

/**
 * Signs and verifies sign-in links with passport-magic-login, used for its tokens only.
 *
 * Why not its Express flow: `send()` answers with `res.json()` (Fastify's reply has no such
 * method), signs the whole request body or query into the token, and returns a 5-digit "code"
 * that is not secret; `authenticate()` also accepts the token from a GET query string, which
 * would let a mail scanner burn a link. So we drive the strategy directly:
 *
 * - signing goes through `send()` with a payload we build ourselves (`destination` is a fixed
 *   marker, `tid` the random id): nothing from the HTTP request ever enters the token;
 * - `jwtOptions.expiresIn` is always set (without it the library signs a token that never expires);
 * - verifying calls `authenticate()` with a request holding only the POSTed token, and the
 *   verify callback refuses any payload without a non-empty string `tid` (an empty payload must
 *   never match: TypeORM would drop an `undefined` criterion and match any row).
 *
 * The single use, newest-only and expiry rules live in the database (see SignInService): the
 * JWT's own expiry is a second, coarser lock in real time.
 */
export class MagicLinkTokens {
  private readonly strategy: MagicLoginStrategy;
  private captured?: string;

  constructor(secret: string, validityMinutes: number) {
    this.strategy = new MagicLoginStrategy({
      secret,
      callbackUrl: '',
      jwtOptions: { expiresIn: `${validityMinutes}m`, algorithm: 'HS256' },
      sendMagicLink: async (_destination: string, href: string) => {
        this.captured = href;
      },
      verify: (
        payload: unknown,
        done: (error: Error | null, user?: object, info?: unknown) => void,
      ) => {
        const tid = (payload as Partial<LinkClaims> | null)?.tid;
        if (typeof tid !== 'string' || tid.length < 32) return done(null, undefined, 'INVALID');
        return done(null, { tid });
      },
    });
  }

  /** A signed token carrying only `tid` (and the library's non-secret code). */
  sign(tid: string): string {
    if (typeof tid !== 'string' || tid.length < 32) throw new Error('Token id too short');
    let refused: string | undefined;
    this.captured = undefined;
    // send() signs and calls sendMagicLink synchronously; its answer to `res` is not used.
    const request = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: { destination: 'link', tid },
    };
    const response = {
      status: () => ({ send: (message: string) => (refused = message) }),
      json: () => undefined,
    };
    this.strategy.send(request as never, response as never);
    const href = this.captured as string | undefined;
    this.captured = undefined;
    const token = href ? new URLSearchParams(href.slice(href.indexOf('?') + 1)).get('token') : null;
    if (refused || !token) throw new Error('Signing failed');
    return token;
  }

  /** Checks signature and real-time expiry; never throws. */
  verify(token: string): Promise<LinkCheck> {
    return new Promise((resolve) => {
      const attempt = Object.create(this.strategy) as MagicLoginStrategy & {
        success(user: LinkClaims): void;
        fail(info?: unknown): void;
        error(error: Error): void;
      };
      attempt.success = (claims) => resolve({ ok: true, claims });
      attempt.fail = (info) =>
        resolve({ ok: false, reason: info === 'jwt expired' ? 'EXPIRED' : 'INVALID' });
      attempt.error = () => resolve({ ok: false, reason: 'INVALID' });
      // Only the POSTed body: a token in a query string is never looked at.
      attempt.authenticate({
        query: {},
        body: { token: typeof token === 'string' ? token : undefined },
      } as never);
    });
  }
}
