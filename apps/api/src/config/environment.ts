import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
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

  /** Start the timed jobs (reminders, cancellations, purge) and the outbox worker. */
  @Transform(toBoolean)
  @IsBoolean()
  SCHEDULER_ENABLED = true;
}

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
        return `${error.property}=${JSON.stringify(raw[error.property])} : ${constraints}`;
      }),
    );
  }
  return env;
}

export function publicUrlOf(env: Environment): string {
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
}
