import { type Environment, publicUrlOf } from '../config/environment';

/** The domain of MAIL_FROM's address, else of PUBLIC_URL. */
export function messageIdDomainOf(
  env: Pick<Environment, 'MAIL_FROM' | 'PUBLIC_URL' | 'PORT'>,
): string {
  const fromAddress = /@([A-Za-z0-9.-]+)>?\s*$/.exec(env.MAIL_FROM.trim());
  return fromAddress
    ? fromAddress[1].toLowerCase()
    : new URL(publicUrlOf(env as Environment)).hostname;
}

/**
 * The Message-ID of an outbox row: the same on every attempt, so that the copy sent again after a
 * crash (the one email in flight) is recognisable as a repeat by the receiving systems.
 */
export function messageIdOf(
  outboxId: string,
  env: Pick<Environment, 'MAIL_FROM' | 'PUBLIC_URL' | 'PORT'>,
): string {
  return `<outbox-${outboxId}@${messageIdDomainOf(env)}>`;
}
