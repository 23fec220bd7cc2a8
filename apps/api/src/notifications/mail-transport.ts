import type { Environment } from '../config/environment';

/**
 * Nodemailer's SMTP transport from SMTP_URL, with short timeouts (its defaults are minutes).
 * Without SMTP_URL a JSON transport stands in: nothing leaves the machine.
 */
export function mailTransportOf(env: Environment): string | Record<string, unknown> {
  if (!env.SMTP_URL) return { jsonTransport: true };
  const url = new URL(env.SMTP_URL);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    // Reuse a few connections: opening one per email costs a handshake each time.
    pool: true,
    maxConnections: 3,
    maxMessages: 100,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    dnsTimeout: 5_000,
  };
}
