import { Injectable, Logger } from '@nestjs/common';
import { Environment } from '../config/environment';
import { randomSecret } from './secrets';

/**
 * The key that signs sign-in links and keys the rate-limit hashes. AUTH_SECRET in production
 * (the environment refuses to start without it); elsewhere one is drawn for this process, which
 * only means links do not survive a restart of a development server.
 */
@Injectable()
export class AuthSecret {
  readonly value: string;

  constructor(env: Environment) {
    if (env.AUTH_SECRET) {
      this.value = env.AUTH_SECRET;
    } else {
      this.value = randomSecret();
      if (env.NODE_ENV !== 'test')
        new Logger(AuthSecret.name).warn(
          'AUTH_SECRET is not set: a random key is used for this process',
        );
    }
  }
}
