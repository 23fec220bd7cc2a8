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

const toBoolean = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
};
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

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

  /** Address the users reach the service at; links in emails are built on it. */
  @IsOptional()
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

  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Service des cartes T3P <ne-pas-repondre@cartes-t3p.example>';

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

  /** Sign-in links one address (or one request reference) may receive per hour. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  SIGN_IN_LINKS_PER_HOUR = 5;

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

  /** Start the timed jobs (reminders, cancellations, purge) and the outbox worker. */
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

  /** How often a scheduler tick compares the maintained request counts with a real count (minutes). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10080)
  REQUEST_COUNTS_CHECK_MINUTES = 60;
}

const SECRET_VARIABLES = new Set(['AUTH_SECRET']);
/** A password inside a connection URL is never echoed either. */
const withoutPassword = (value: string | undefined) => value?.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigurationError';
  }
}

/** Reads and validates the environment; throws a ConfigurationError naming each bad variable. */
export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const known = Object.keys(new Environment());
  const raw: Record<string, string> = {};
  for (const key of [...known, 'PUBLIC_URL', 'DATABASE_URL', 'SMTP_URL']) {
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
        const shown = SECRET_VARIABLES.has(error.property) ? '(masqué)' : JSON.stringify(withoutPassword(raw[error.property]));
        return `${error.property}=${shown} : ${constraints}`;
      }),
    );
  }
  return env;
}

export function publicUrlOf(env: Environment): string {
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
}
