import { Injectable } from '@nestjs/common';
import type { SubjectType } from '@t3p/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { Environment, publicUrlOf } from '../config/environment';
import { AuthRepository, type SubjectFacts } from './auth.repository';
import { randomSecret, sha256 } from './secrets';

const MINUTE = 60_000;
/** last_seen_at is written at most this often (one write a minute per active session). */
const TOUCH_EVERY_MS = MINUTE;

export interface LiveSession {
  id: string;
  subjectType: SubjectType;
  subjectId: string;
  csrfToken: string;
}

/** A live session as the guard reads it: with who it belongs to (null when that subject is gone). */
export interface ResolvedSession extends LiveSession {
  subject: SubjectFacts | null;
}

/**
 * Server-side sessions: the cookie holds 256 random bits, the table only their SHA-256, so a
 * copy of the database opens no session. Idle and absolute expiry, revocation at sign-out.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly clock: Clock,
    private readonly env: Environment,
  ) {}

  /** `__Host-` and Secure when the service is reached over HTTPS. */
  cookieName(): string {
    return this.secure() ? '__Host-t3p_session' : 't3p_session';
  }

  /** A fresh session (a new id at every sign-in); the caller revokes the one it replaces. */
  async open(
    subjectType: SubjectType,
    subjectId: string,
  ): Promise<{ cookie: string; session: LiveSession }> {
    const now = this.clock.now();
    const cookie = randomSecret();
    const session = { id: randomUUID(), subjectType, subjectId, csrfToken: randomSecret() };
    await this.repository.insertSession({
      ...session,
      tokenHash: sha256(cookie),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.env.SESSION_ABSOLUTE_MINUTES * MINUTE),
      revokedAt: null,
    });
    return { cookie, session };
  }

  /** The live session of the request's cookie and its subject (one round trip), else null. Refreshes the idle timer. */
  async resolve(request: FastifyRequest): Promise<ResolvedSession | null> {
    const cookie = this.cookieOf(request);
    if (!cookie) return null;
    const now = this.clock.now();
    const row = await this.repository.findLiveSession(sha256(cookie), now);
    if (!row) return null;
    if (now.getTime() - row.lastSeenAt.getTime() > this.env.SESSION_IDLE_MINUTES * MINUTE) {
      await this.repository.revokeSession(row.id, now);
      return null;
    }
    if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS)
      await this.repository.touchSession(row.id, now);
    return {
      id: row.id,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      csrfToken: row.csrfToken,
      subject: row.subject,
    };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.repository.revokeSession(sessionId, this.clock.now());
  }

  setCookie(reply: FastifyReply, value: string): void {
    void reply.setCookie(this.cookieName(), value, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure(),
      maxAge: this.env.SESSION_ABSOLUTE_MINUTES * 60,
    });
  }

  clearCookie(reply: FastifyReply): void {
    void reply.clearCookie(this.cookieName(), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure(),
    });
  }

  private cookieOf(request: FastifyRequest): string | undefined {
    const value = request.cookies?.[this.cookieName()];
    return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
  }

  private secure(): boolean {
    return publicUrlOf(this.env).startsWith('https://');
  }
}
