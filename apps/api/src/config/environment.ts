import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MinLength,
  ValidateIf,
  Max,
  Min,
  validateSync,
} from 'class-validator';

export const PROCESS_ROLES = ['all', 'web', 'worker'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

const toBoolean = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
};
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : /^-?\d+$/.test(String(value))
      ? Number(value)
      : value;

/**
 * Every setting the API reads from its environment. `.env.example` lists them all;
 * a bad value stops start-up with a message naming the variable.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /**
   * Address the users reach the service at; links in emails are built on it. Required in
   * production (elsewhere http://localhost:PORT), where a link to localhost would reach no one.
   */
  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.PUBLIC_URL !== undefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_URL?: string;

  /** PostgreSQL connection string. Absent: the embedded SQLite file at SQLITE_PATH. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection string' })
  DATABASE_URL?: string;

  @IsString()
  SQLITE_PATH = 'data/t3p.sqlite';

  /** Run pending migrations at start-up (the schema is never synchronised). */
  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  /** Fill an empty database with the demo préfectures, agents, drivers and requests. */
  @Transform(toBoolean)
  @IsBoolean()
  DEMO_DATA = false;

  /**
   * Outgoing email. In production without it the service starts and warns, and every email waits
   * in the outbox, unsent, until it is set (outside production emails are only captured).
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Service des cartes T3P <ne-pas-repondre@cartes-t3p.example>';

  /**
   * The legal notice of the portal (LCEN art. 6), shown on its « Mentions légales » page: the
   * host's name, postal address and phone, and the publication director. Demo values by default:
   * set the real ones in production.
   */
  @IsString()
  @MinLength(1)
  LEGAL_HOST_NAME = 'Hébergeur de démonstration SAS';

  @IsString()
  @MinLength(1)
  LEGAL_HOST_ADDRESS = '1 rue de l’Exemple, 59000 Lille';

  @IsString()
  @MinLength(1)
  LEGAL_HOST_PHONE = '03 00 00 00 00';

  @IsString()
  @MinLength(1)
  LEGAL_PUBLICATION_DIRECTOR = 'Camille Exemple, directrice de la publication (démonstration)';

  /** The card payment portal (another system), linked from the "demande validée" email. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PAYMENT_PORTAL_URL = 'https://paiement.chauffeur-carte-t3p.example/';

  /** Directory holding the built fronts (chauffeur/ and prefecture/). */
  @IsString()
  STATIC_DIR = 'dist/apps';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Take the client address from X-Forwarded-For only behind a configured proxy. */
  @Transform(toBoolean)
  @IsBoolean()
  TRUST_PROXY = false;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  SIGN_IN_LINK_TTL_MINUTES = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REMINDER_DELAY_DAYS = 15;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  CANCELLATION_DELAY_DAYS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  RETENTION_DAYS_AFTER_CARD_EXPIRY = 365;

  /**
   * Secret that signs the sign-in links (JWT, HS256). Required in production (32 characters or
   * more, the same on every instance); elsewhere a random one is drawn at start-up.
   */
  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.AUTH_SECRET !== undefined)
  @IsString()
  @MinLength(32)
  AUTH_SECRET?: string;

  /** A session ends after this many minutes without a request. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  SESSION_IDLE_MINUTES = 30;

  /** A session ends this many minutes after sign-in, whatever the activity. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(10080)
  SESSION_ABSOLUTE_MINUTES = 720;

  /**
   * Sign-in links one address (or one request reference) may receive per hour, at most; within
   * it they are spaced out (see SIGN_IN_LINK_SPACING_MINUTES and docs/security.md).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  SIGN_IN_LINKS_PER_HOUR = 8;

  /**
   * Within that hour, the minutes a link waits after the previous one, by rank: the first three
   * at once, then 1, 2, 5, 10, 15 minutes apart (the last value holds beyond).
   */
  @Matches(/^\d{1,3}(,\d{1,3})*$/, {
    message: 'must be a comma-separated list of minutes, e.g. 0,0,0,1,2,5,10,15',
  })
  SIGN_IN_LINK_SPACING_MINUTES = '0,0,0,1,2,5,10,15';

  /** Sign-in link requests one client address may make per hour. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR = 30;

  /** How often the outbox worker looks for emails to send. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  OUTBOX_POLL_SECONDS = 5;

  /** After this many failed attempts an email is marked FAILED for the operators. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  OUTBOX_MAX_ATTEMPTS = 8;

  /**
   * What this process does: `web` serves HTTP only (no timed jobs, no outbox worker); `worker`
   * runs the timed jobs and the outbox worker and answers /api/health only; `all` does both.
   */
  @IsIn(PROCESS_ROLES)
  PROCESS_ROLE: ProcessRole = 'all';

  /**
   * Start the timed jobs (reminders, cancellations, purge) and the outbox worker, in a process of
   * role `all` or `worker` (a `web` process never runs them; a `worker` requires it true).
   */
  @Transform(toBoolean)
  @IsBoolean()
  SCHEDULER_ENABLED = true;

  /** How often the timed jobs run (seconds). Every instance ticks; the updates make that safe. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  SCHEDULER_TICK_SECONDS = 60;

  /** Requests one transaction of a timed job moves at most: short locks, bounded memory. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  SCHEDULER_BATCH_SIZE = 2000;

  /** How long a worker's claim on an email lasts unless renewed; a crashed worker's emails wait this long at most. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  OUTBOX_LEASE_SECONDS = 30;

  /** PostgreSQL: one attempt to open a connection (TCP and start-up) gives up after this long. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_CONNECT_TIMEOUT_MS = 3000;

  /** PostgreSQL: a request waits at most this long for a connection of the pool (20 per instance). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_POOL_ACQUIRE_TIMEOUT_MS = 5000;

  /**
   * PostgreSQL: the server cancels a statement running longer than this; the client stops
   * waiting for an answer one second later (a server that no longer answers at all).
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DATABASE_STATEMENT_TIMEOUT_MS = 5000;

  /** How often a scheduler tick compares the maintained request counts and statistics with a recount (minutes). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10080)
  REQUEST_COUNTS_CHECK_MINUTES = 60;
}

/**
 * Every variable `loadEnvironment` reads, declared once. A class field without a default has no
 * property on a fresh instance in the webpack build, so the list is never derived from one; the
 * compiler refuses a setting of Environment missing here.
 */
export const ENVIRONMENT_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'PUBLIC_URL',
  'DATABASE_URL',
  'SQLITE_PATH',
  'MIGRATIONS_RUN',
  'DEMO_DATA',
  'SMTP_URL',
  'MAIL_FROM',
  'PAYMENT_PORTAL_URL',
  'STATIC_DIR',
  'LOG_LEVEL',
  'TRUST_PROXY',
  'SIGN_IN_LINK_TTL_MINUTES',
  'REMINDER_DELAY_DAYS',
  'CANCELLATION_DELAY_DAYS',
  'RETENTION_DAYS_AFTER_CARD_EXPIRY',
  'AUTH_SECRET',
  'SESSION_IDLE_MINUTES',
  'SESSION_ABSOLUTE_MINUTES',
  'SIGN_IN_LINKS_PER_HOUR',
  'SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR',
  'OUTBOX_POLL_SECONDS',
  'OUTBOX_MAX_ATTEMPTS',
  'PROCESS_ROLE',
  'SCHEDULER_ENABLED',
  'SCHEDULER_TICK_SECONDS',
  'SCHEDULER_BATCH_SIZE',
  'OUTBOX_LEASE_SECONDS',
  'DATABASE_CONNECT_TIMEOUT_MS',
  'DATABASE_POOL_ACQUIRE_TIMEOUT_MS',
  'DATABASE_STATEMENT_TIMEOUT_MS',
  'LEGAL_HOST_NAME',
  'LEGAL_HOST_ADDRESS',
  'LEGAL_HOST_PHONE',
  'LEGAL_PUBLICATION_DIRECTOR',
  'SIGN_IN_LINK_SPACING_MINUTES',
  'REQUEST_COUNTS_CHECK_MINUTES',
] as const satisfies readonly (keyof Environment)[];

type Undeclared = Exclude<keyof Environment, (typeof ENVIRONMENT_VARIABLES)[number]>;
/** Fails to compile, naming the setting, when a field of Environment is not in the list above. */
const everySettingDeclared: [Undeclared] extends [never] ? true : Undeclared = true;
void everySettingDeclared;

const SECRET_VARIABLES = new Set(['AUTH_SECRET']);
/** A password inside a connection URL is never echoed either. */
const withoutPassword = (value: string | undefined) =>
  value?.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigurationError';
  }
}

/** Reads and validates the environment; throws a ConfigurationError naming each bad variable. */
export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const raw: Record<string, string> = {};
  for (const key of ENVIRONMENT_VARIABLES) {
    const value = source[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigurationError(
      errors.map((error) => {
        const constraints = Object.values(error.constraints ?? {}).join('; ');
        // Secrets are never echoed back, even when malformed.
        const shown = SECRET_VARIABLES.has(error.property)
          ? '(masqué)'
          : JSON.stringify(withoutPassword(raw[error.property]));
        return `${error.property}=${shown} : ${constraints}`;
      }),
    );
  }
  if (env.PROCESS_ROLE === 'worker' && !env.SCHEDULER_ENABLED) {
    throw new ConfigurationError([
      'PROCESS_ROLE="worker" : un worker sans SCHEDULER_ENABLED=true ne ferait rien',
    ]);
  }
  return env;
}

/** The process runs the timed jobs and the outbox worker (role `all` or `worker`, SCHEDULER_ENABLED). */
export function runsBackgroundJobs(env: Environment): boolean {
  return env.PROCESS_ROLE !== 'web' && env.SCHEDULER_ENABLED;
}

/** The process serves the API and the fronts (role `all` or `web`); a worker answers /api/health only. */
export function servesHttpApi(env: Environment): boolean {
  return env.PROCESS_ROLE !== 'worker';
}

export function publicUrlOf(env: Environment): string {
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
}
