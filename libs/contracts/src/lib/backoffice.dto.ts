import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PrefectureRef } from './auth.dto';
import {
  CARD_APPLICATION_STATES,
  CARD_TYPES,
  EMAIL_KINDS,
  IMAGE_REQUEST_STATES,
  OUTBOX_STATES,
  type CardApplicationState,
  type CardType,
  type EmailKind,
  type ImageRequestState,
  type OutboxState,
} from './domain';
import { instant, integer, nested, oneOf, text, uuid, documented } from './openapi-fields';
import { ListedDriver, RequestListQuery } from './requests.dto';

/** Sort orders of the back-office list (by creation of the image request). */
export const DASHBOARD_SORTS = ['newest', 'oldest'] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];

/** The dashboard list: the filters of the request list, plus the sort order. */
export class DashboardQuery extends RequestListQuery {
  @IsOptional()
  @IsIn(DASHBOARD_SORTS, { message: 'Le tri doit valoir « newest » ou « oldest ».' })
  sort?: DashboardSort;

  static override readonly _OPENAPI_METADATA_FACTORY = documented<
    Omit<DashboardQuery, keyof RequestListQuery>
  >({
    sort: oneOf(DASHBOARD_SORTS, 'Par date de création de la demande d’images.', {
      required: false,
    }),
  });
}

/** Search of the préfecture's card applications (to open one and ask for images). */
export class ApplicationSearchQuery {
  /** Words of the driver's names (accents and case ignored), driver identifier, card number or email; or an application id. */
  @IsOptional()
  @MaxLength(100, { message: 'La recherche ne doit pas dépasser 100 caractères.' })
  @IsString({ message: 'La recherche doit être un texte.' })
  q?: string;

  @IsOptional()
  @MaxLength(200, { message: 'Le curseur de pagination n’est pas valide.' })
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'Le curseur de pagination n’est pas valide.' })
  cursor?: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<ApplicationSearchQuery>({
    q: text(
      'Mots des noms du chauffeur (accents et casse ignorés), identifiant, numéro de carte ou courriel ; ou un identifiant de demande de carte.',
      { required: false, maxLength: 100 },
    ),
    cursor: text('Le nextCursor de la page précédente.', {
      required: false,
      maxLength: 200,
      pattern: '^[A-Za-z0-9_-]+$',
    }),
  });
}

/** How many image requests are in each state. */
export class RequestStateCounts implements Record<ImageRequestState, number> {
  PENDING!: number;
  REMINDED!: number;
  SUBMITTED!: number;
  VALIDATED!: number;
  REJECTED!: number;
  CANCELLED!: number;

  static readonly _OPENAPI_METADATA_FACTORY = documented<RequestStateCounts>({
    PENDING: integer(),
    REMINDED: integer(),
    SUBMITTED: integer(),
    VALIDATED: integer(),
    REJECTED: integer(),
    CANCELLED: integer(),
  });
}

/** How many image requests there are for each card type. */
export class CardTypeCounts implements Record<CardType, number> {
  VTC!: number;
  TAXI!: number;
  VMDTR!: number;

  static readonly _OPENAPI_METADATA_FACTORY = documented<CardTypeCounts>({
    VTC: integer(),
    TAXI: integer(),
    VMDTR: integer(),
  });
}

/** The counts of the dashboard: the préfecture's image requests per state and per card type. */
export class DashboardOverview {
  prefecture!: PrefectureRef;
  counts!: RequestStateCounts;
  countsByCardType!: CardTypeCounts;
  total!: number;

  static readonly _OPENAPI_METADATA_FACTORY = documented<DashboardOverview>({
    prefecture: nested(() => PrefectureRef),
    counts: nested(() => RequestStateCounts),
    countsByCardType: nested(() => CardTypeCounts),
    total: integer(),
  });
}

export class ApplicationListItem {
  id!: string;
  cardType!: CardType;
  cardNumber!: string;
  state!: CardApplicationState;
  createdAt!: string;
  driver!: ListedDriver;
  /** The open image request's state, if any (one at most). */
  openRequestState!: ImageRequestState | null;

  static readonly _OPENAPI_METADATA_FACTORY = documented<ApplicationListItem>({
    id: uuid(),
    cardType: oneOf(CARD_TYPES),
    cardNumber: text(),
    state: oneOf(CARD_APPLICATION_STATES),
    createdAt: instant(),
    driver: nested(() => ListedDriver),
    openRequestState: oneOf(
      IMAGE_REQUEST_STATES,
      'L’état de la demande d’images en cours, s’il y en a une (une au plus).',
      { nullable: true },
    ),
  });
}

export class ApplicationPage {
  items!: ApplicationListItem[];
  nextCursor!: string | null;

  static readonly _OPENAPI_METADATA_FACTORY = documented<ApplicationPage>({
    items: nested(() => [ApplicationListItem]),
    nextCursor: text('À passer en « cursor » pour la page suivante ; null sur la dernière page.', {
      nullable: true,
    }),
  });
}

/** The email the driver would receive if the request were created as it stands. */
export class EmailPreview {
  to!: string;
  subject!: string;
  html!: string;
  text!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<EmailPreview>({
    to: text(undefined, { format: 'email' }),
    subject: text(),
    html: text('Le courriel en HTML.'),
    text: text('Le courriel en texte brut.'),
  });
}

/** One email of an application, with its delivery state (timeline of the back-office). */
export class EmailDeliveryView {
  id!: string;
  kind!: EmailKind;
  requestId!: string | null;
  subject!: string;
  state!: OutboxState;
  attempts!: number;
  createdAt!: string;
  sentAt!: string | null;

  static readonly _OPENAPI_METADATA_FACTORY = documented<EmailDeliveryView>({
    id: uuid(),
    kind: oneOf(EMAIL_KINDS),
    requestId: uuid(undefined, { nullable: true }),
    subject: text(),
    state: oneOf(OUTBOX_STATES),
    attempts: integer(),
    createdAt: instant(),
    sentAt: instant(undefined, { nullable: true }),
  });
}
