import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AuthRepository } from './auth.repository';

/**
 * Keeps the auth tables small: sessions, sign-in links and rate-limit counts that ended more than
 * a day ago are deleted. A day of grace, so that a link that just expired is still recognised as
 * expired (and the driver told so) rather than unknown.
 */
export const AUTH_RETENTION_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class AuthHousekeepingService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly clock: Clock,
  ) {}

  purgeExpired(): Promise<void> {
    return this.repository.purgeExpired(new Date(this.clock.now().getTime() - AUTH_RETENTION_MS));
  }
}
