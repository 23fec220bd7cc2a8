import { HttpStatus, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ApiException } from '../common/errors/api-exception';
import { AuthRepository } from './auth.repository';
import { AuthSecret } from './auth-secret';
import { keyedHash } from './secrets';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** "0,0,0,1,2,5,10,15" (the SIGN_IN_LINK_SPACING_MINUTES setting) as minutes by rank. */
export const spacingOf = (setting: string): number[] => setting.split(',').map(Number);

/** A 429 that carries how long to wait (the controller copies it to Retry-After). */
export class RateLimitedException extends ApiException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'TOO_MANY_REQUESTS',
      RateLimitedException.messageFor(retryAfterSeconds),
    );
  }

  static messageFor(seconds: number): string {
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    return (
      'Plusieurs liens de connexion viennent de vous être envoyés : le dernier reçu reste valable, utilisez-le. ' +
      'S’il n’apparaît pas dans votre boîte de réception, regardez dans les courriers indésirables (spam). ' +
      `Vous pourrez demander un nouveau lien dans ${minutes} minute${minutes > 1 ? 's' : ''}.`
    );
  }
}

export interface RateLimit {
  key: string;
  /** Hard cap of attempts in a sliding hour. */
  perHour: number;
  /** Minutes required since the previous attempt, by rank of this attempt in the hour (last value beyond). */
  spacingMinutes?: readonly number[];
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
   * over its limit, or too close to the previous attempt, and then takes the attempt back so
   * that waiting is enough.
   */
  async consume(limits: RateLimit[]): Promise<void> {
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
        continue;
      }
      const spacing = limit.spacingMinutes;
      const gapMinutes = spacing?.length ? spacing[Math.min(hit.count, spacing.length) - 1] : 0;
      if (gapMinutes > 0) {
        const previous = await this.repository.latestHitBefore(bucket, windowStart, hit.id);
        const allowedAt = previous ? previous.getTime() + gapMinutes * MINUTE_MS : 0;
        if (allowedAt > now.getTime()) waitMs = Math.max(waitMs, allowedAt - now.getTime());
      }
    }
    if (waitMs > 0) {
      for (const { id } of taken) await this.repository.unhit(id);
      throw new RateLimitedException(Math.max(1, Math.ceil(waitMs / 1000)));
    }
  }
}
