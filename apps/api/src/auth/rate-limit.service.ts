import { HttpStatus, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ApiException } from '../common/errors/api-exception';
import { AuthRepository } from './auth.repository';
import { AuthSecret } from './auth-secret';
import { keyedHash } from './secrets';

const HOUR_MS = 3_600_000;

/** A 429 that carries how long to wait (the controller copies it to Retry-After). */
export class RateLimitedException extends ApiException {
  constructor(readonly retryAfterSeconds: number) {
    super(HttpStatus.TOO_MANY_REQUESTS, 'TOO_MANY_REQUESTS', RateLimitedException.messageFor(retryAfterSeconds));
  }

  static messageFor(seconds: number): string {
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    return `Vous avez demandé trop de liens de connexion. Patientez ${minutes} minute${minutes > 1 ? 's' : ''} avant de réessayer.`;
  }
}

/** Sliding one-hour windows counted in the database, so every instance sees the same counts. */
@Injectable()
export class RateLimitService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly clock: Clock,
    private readonly secret: AuthSecret,
  ) {}

  /**
   * Counts one attempt in each bucket; throws RateLimitedException (with the wait) when one is
   * over its limit, and then takes the attempt back so that waiting is enough.
   */
  async consume(limits: { key: string; perHour: number }[]): Promise<void> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - HOUR_MS);
    const taken: { bucket: string; id: string }[] = [];
    let waitMs = 0;
    for (const limit of limits) {
      const bucket = keyedHash(this.secret.value, limit.key).slice(0, 64);
      const hit = await this.repository.hit(bucket, now, windowStart);
      taken.push({ bucket, id: hit.id });
      if (hit.count > limit.perHour) {
        const oldest = await this.repository.oldestHit(bucket, windowStart);
        waitMs = Math.max(waitMs, oldest ? oldest.getTime() + HOUR_MS - now.getTime() : HOUR_MS);
      }
    }
    if (waitMs > 0) {
      for (const { id } of taken) await this.repository.unhit(id);
      throw new RateLimitedException(Math.max(1, Math.ceil(waitMs / 1000)));
    }
  }
}
