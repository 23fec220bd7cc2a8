import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { EMAIL_KINDS, OUTBOX_STATES, type EmailKind, type OutboxState } from './domain';
import { documented, instant, integer, oneOf, text, uuid } from './openapi-fields';

export class DevMailboxQuery {
  /** How many emails, newest first (1 to 200). */
  @IsOptional()
  @Type(() => Number)
  @Max(200, { message: 'Le paramètre « limit » doit valoir au plus 200.' })
  @Min(1, { message: 'Le paramètre « limit » doit valoir au moins 1.' })
  @IsInt({ message: 'Le paramètre « limit » doit être un nombre entier.' })
  limit?: number;

  static readonly _OPENAPI_METADATA_FACTORY = documented<DevMailboxQuery>({
    limit: integer('Combien de courriels, les plus récents d’abord (1 à 200, 50 par défaut).', {
      required: false,
      minimum: 1,
      maximum: 200,
    }),
  });
}

export class DevMailboxSummary {
  id!: string;
  kind!: EmailKind;
  to!: string;
  subject!: string;
  state!: OutboxState;
  createdAt!: string;
  sentAt!: string | null;

  static readonly _OPENAPI_METADATA_FACTORY = documented<DevMailboxSummary>({
    id: uuid(),
    kind: oneOf(EMAIL_KINDS),
    to: text(undefined, { format: 'email' }),
    subject: text(),
    state: oneOf(OUTBOX_STATES),
    createdAt: instant(),
    sentAt: instant(undefined, { nullable: true }),
  });
}

export class DevMailboxEmail extends DevMailboxSummary {
  html!: string;
  text!: string;

  static override readonly _OPENAPI_METADATA_FACTORY = documented<
    Omit<DevMailboxEmail, keyof DevMailboxSummary>
  >({
    html: text('Le courriel en HTML.'),
    text: text('Le courriel en texte brut.'),
  });
}
