import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ACTOR_TYPES,
  CARD_APPLICATION_STATES,
  CARD_TYPES,
  CIVILITIES,
  IMAGE_REQUEST_STATES,
  PIECES,
  type ActorType,
  type CardApplicationState,
  type CardType,
  type ImageRequestState,
  type Piece,
} from './domain';
import { StoredImageSummary } from './images.dto';
import {
  documented,
  flag,
  instant,
  integer,
  listOf,
  nested,
  oneOf,
  text,
  uuid,
} from './openapi-fields';

/** The version of the CGU and data notice the driver accepts at the "Engagement" step. */
export const CURRENT_TERMS_VERSION = '2026-11';

/** The catalogue of common reasons an agent picks from; OTHER needs a free text. */
export const REQUEST_REASONS = {
  IMAGES_MISSING: 'Les images jointes à la demande de carte sont absentes.',
  PHOTO_BLURRY: 'La photo d’identité est floue.',
  PHOTO_BACKGROUND: 'Le fond de la photo d’identité n’est pas uni et clair.',
  PHOTO_LIGHTING: 'Le visage est mal éclairé (trop sombre, reflets ou ombres).',
  PHOTO_FRAMING: 'Le visage n’est pas cadré de face, entier et centré.',
  PHOTO_NOT_COMPLIANT:
    'La photo d’identité ne respecte pas les normes (lunettes, couvre-chef, expression).',
  SIGNATURE_ILLEGIBLE: 'La signature est illisible ou trop pâle.',
  SIGNATURE_CROPPED: 'La signature est coupée ou déborde du cadre.',
  FORMAT_INVALID: 'Le format, la résolution ou la taille du fichier ne conviennent pas.',
  OTHER: 'Autre motif',
} as const;
export type RequestReasonCode = keyof typeof REQUEST_REASONS;
export const REQUEST_REASON_CODES = Object.keys(REQUEST_REASONS) as RequestReasonCode[];

/** An agent asks a driver for new images. */
export class CreateImageRequestBody {
  @IsIn(PIECES, {
    each: true,
    message: 'Chaque pièce demandée doit valoir « PHOTO » ou « SIGNATURE ».',
  })
  @ArrayUnique({ message: 'Une pièce ne peut être demandée qu’une fois.' })
  @ArrayMaxSize(2, { message: 'Deux pièces au plus : la photo et la signature.' })
  @ArrayNotEmpty({
    message: 'Choisissez au moins une pièce à demander : la photo, la signature, ou les deux.',
  })
  @IsArray({ message: 'Les pièces demandées doivent être une liste.' })
  pieces!: Piece[];

  @IsIn(REQUEST_REASON_CODES, { message: 'Choisissez un motif dans la liste.' })
  reasonCode!: RequestReasonCode;

  /** Free text: required with OTHER, else an optional precision added to the catalogue's wording. */
  @ValidateIf(
    (body: CreateImageRequestBody) => body.reasonCode === 'OTHER' || body.reasonText !== undefined,
  )
  @MaxLength(500, { message: 'Le motif ne doit pas dépasser 500 caractères.' })
  @Matches(/\S/, { message: 'Précisez le motif de la demande.' })
  @IsString({ message: 'Précisez le motif de la demande.' })
  reasonText?: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<CreateImageRequestBody>({
    pieces: listOf(PIECES, 'Les pièces demandées.', {
      minItems: 1,
      maxItems: 2,
      uniqueItems: true,
      example: ['PHOTO'],
    }),
    reasonCode: oneOf(
      REQUEST_REASON_CODES,
      'Le motif, dans le catalogue ; OTHER demande un texte.',
      { example: 'PHOTO_BLURRY' },
    ),
    reasonText: text(
      'Texte libre : obligatoire avec OTHER, sinon une précision ajoutée au libellé du catalogue.',
      { required: false, maxLength: 500 },
    ),
  });
}

export const REVIEW_OUTCOMES = ['VALIDATED', 'REJECTED'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export class ImageDecision {
  @IsIn(PIECES, { message: 'La pièce doit valoir « PHOTO » ou « SIGNATURE ».' })
  piece!: Piece;

  @IsIn(REVIEW_OUTCOMES, { message: 'La décision doit valoir « VALIDATED » ou « REJECTED ».' })
  outcome!: ReviewOutcome;

  /** The catalogue reason the refusal started from (OTHER when written freely); the statistics count it. */
  @IsOptional()
  @IsIn(REQUEST_REASON_CODES, { message: 'Le motif du refus doit être un motif de la liste.' })
  reasonCode?: RequestReasonCode;

  /** Required when the image is rejected: it becomes the reason of the new request. */
  @ValidateIf(
    (decision: ImageDecision) => decision.outcome === 'REJECTED' || decision.reason !== undefined,
  )
  @MaxLength(500, { message: 'Le motif du refus ne doit pas dépasser 500 caractères.' })
  @Matches(/\S/, { message: 'Indiquez pourquoi l’image est refusée.' })
  @IsString({ message: 'Indiquez pourquoi l’image est refusée.' })
  reason?: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<ImageDecision>({
    piece: oneOf(PIECES),
    outcome: oneOf(REVIEW_OUTCOMES),
    reasonCode: oneOf(
      REQUEST_REASON_CODES,
      'Le motif du catalogue dont part le refus (OTHER pour un texte libre) ; les statistiques le comptent.',
      { required: false, example: 'PHOTO_BACKGROUND' },
    ),
    reason: text(
      'Obligatoire quand l’image est refusée : il devient le motif de la nouvelle demande.',
      { required: false, maxLength: 500 },
    ),
  });
}

/** The agent's review of a submitted request: one decision per requested image. */
export class ReviewRequestBody {
  @ValidateNested({ each: true })
  @Type(() => ImageDecision)
  @ArrayMaxSize(2, { message: 'Deux décisions au plus : la photo et la signature.' })
  @ArrayNotEmpty({ message: 'Donnez une décision pour chaque image.' })
  @IsArray({ message: 'Les décisions doivent être une liste.' })
  decisions!: ImageDecision[];

  static readonly _OPENAPI_METADATA_FACTORY = documented<ReviewRequestBody>({
    decisions: nested(() => [ImageDecision], 'Une décision par image demandée.', {
      minItems: 1,
      maxItems: 2,
    }),
  });
}

/** Filters and keyset cursor of the back-office list. */
export class RequestListQuery {
  @IsOptional()
  @IsIn(IMAGE_REQUEST_STATES, { message: 'État inconnu.' })
  state?: ImageRequestState;

  @IsOptional()
  @IsIn(CARD_TYPES, { message: 'Le type de carte doit valoir VTC, TAXI ou VMDTR.' })
  cardType?: CardType;

  /** Requests created on or after this instant (ISO 8601). */
  @IsOptional()
  @IsISO8601({}, { message: 'La date « from » doit être au format AAAA-MM-JJ.' })
  from?: string;

  /** Requests created strictly before this instant (ISO 8601). */
  @IsOptional()
  @IsISO8601({}, { message: 'La date « to » doit être au format AAAA-MM-JJ.' })
  to?: string;

  /** Words of the driver's names (accents and case ignored), driver identifier, card number or email; or a request id. */
  @IsOptional()
  @MaxLength(100, { message: 'La recherche ne doit pas dépasser 100 caractères.' })
  @IsString({ message: 'La recherche doit être un texte.' })
  q?: string;

  /** "true": only requests with an image that got quality warnings, so an agent looks there first. */
  @IsOptional()
  @IsIn(['true', 'false'], {
    message: 'Le paramètre « hasWarnings » doit valoir « true » ou « false ».',
  })
  hasWarnings?: 'true' | 'false';

  /** The nextCursor of the previous page. */
  @IsOptional()
  @MaxLength(200, { message: 'Le curseur de pagination n’est pas valide.' })
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'Le curseur de pagination n’est pas valide.' })
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @Max(100, { message: 'Le paramètre « limit » doit valoir au plus 100.' })
  @Min(1, { message: 'Le paramètre « limit » doit valoir au moins 1.' })
  @IsInt({ message: 'Le paramètre « limit » doit être un nombre entier.' })
  limit?: number;

  static readonly _OPENAPI_METADATA_FACTORY = documented<RequestListQuery>({
    state: oneOf(IMAGE_REQUEST_STATES, undefined, { required: false }),
    cardType: oneOf(CARD_TYPES, undefined, { required: false }),
    from: text('Demandes créées à partir de cet instant (ISO 8601).', {
      required: false,
      format: 'date',
      example: '2026-11-01',
    }),
    to: text('Demandes créées strictement avant cet instant (ISO 8601).', {
      required: false,
      format: 'date',
      example: '2026-12-01',
    }),
    q: text(
      'Mots des noms du chauffeur (accents et casse ignorés), identifiant, numéro de carte ou courriel ; ou un identifiant de demande.',
      { required: false, maxLength: 100 },
    ),
    hasWarnings: oneOf(
      ['true', 'false'],
      '« true » : seulement les demandes dont une image a reçu des avertissements de qualité.',
      { required: false },
    ),
    cursor: text('Le nextCursor de la page précédente.', {
      required: false,
      maxLength: 200,
      pattern: '^[A-Za-z0-9_-]+$',
    }),
    limit: integer('Taille de la page (1 à 100).', { required: false, minimum: 1, maximum: 100 }),
  });
}

/** "Engagement": the driver accepts the version of the terms shown. */
export class AcceptTermsBody {
  @IsNotEmpty({ message: 'La version des conditions acceptées est absente.' })
  @MaxLength(20, { message: 'La version des conditions acceptées n’est pas valide.' })
  @IsString({ message: 'La version des conditions acceptées n’est pas valide.' })
  termsVersion!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<AcceptTermsBody>({
    termsVersion: text('La version des conditions affichée et acceptée.', {
      maxLength: 20,
      example: CURRENT_TERMS_VERSION,
    }),
  });
}

/** The driver as a list row names them. */
export class ListedDriver {
  driverIdentifier!: string;
  civility!: string;
  lastName!: string;
  firstName!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<ListedDriver>({
    driverIdentifier: text(),
    civility: oneOf(CIVILITIES),
    lastName: text(),
    firstName: text(),
  });
}

export class ImageRequestView {
  id!: string;
  applicationId!: string;
  state!: ImageRequestState;
  cardType!: CardType;
  pieces!: Piece[];
  reasonCode!: string;
  reason!: string;
  createdAt!: string;
  remindedAt!: string | null;
  submittedAt!: string | null;
  decidedAt!: string | null;
  cancelledAt!: string | null;
  /** When the request is cancelled if nothing is submitted (PENDING and REMINDED only). */
  deadline!: string | null;
  previousRequestId!: string | null;

  static readonly _OPENAPI_METADATA_FACTORY = documented<ImageRequestView>({
    id: uuid(),
    applicationId: uuid(),
    state: oneOf(IMAGE_REQUEST_STATES),
    cardType: oneOf(CARD_TYPES),
    pieces: listOf(PIECES),
    reasonCode: oneOf(REQUEST_REASON_CODES),
    reason: text('Le motif, en français.'),
    createdAt: instant(),
    remindedAt: instant(undefined, { nullable: true }),
    submittedAt: instant(undefined, { nullable: true }),
    decidedAt: instant(undefined, { nullable: true }),
    cancelledAt: instant(undefined, { nullable: true }),
    deadline: instant(
      'Quand la demande est annulée si rien n’est envoyé (PENDING et REMINDED seulement).',
      { nullable: true },
    ),
    previousRequestId: uuid('La demande refusée que celle-ci remplace.', { nullable: true }),
  });
}

/** One row of the back-office list. */
export class RequestListItem extends ImageRequestView {
  applicationState!: CardApplicationState;
  cardNumber!: string;
  driver!: ListedDriver;

  static override readonly _OPENAPI_METADATA_FACTORY = documented<
    Omit<RequestListItem, keyof ImageRequestView>
  >({
    applicationState: oneOf(CARD_APPLICATION_STATES),
    cardNumber: text(),
    driver: nested(() => ListedDriver),
  });
}

export class RequestPage {
  items!: RequestListItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor!: string | null;

  static readonly _OPENAPI_METADATA_FACTORY = documented<RequestPage>({
    items: nested(() => [RequestListItem]),
    nextCursor: text('À passer en « cursor » pour la page suivante ; null sur la dernière page.', {
      nullable: true,
    }),
  });
}

/** A submitted image as an agent reviews it, with the decision taken on it. */
export class ReviewableImage extends StoredImageSummary {
  rejectionReason!: string | null;
  decidedAt!: string | null;

  static override readonly _OPENAPI_METADATA_FACTORY = documented<
    Omit<ReviewableImage, keyof StoredImageSummary>
  >({
    rejectionReason: text(undefined, { nullable: true }),
    decidedAt: instant(undefined, { nullable: true }),
  });
}

/** A request with its images, as an agent reviews it. */
export class ReviewableRequest extends RequestListItem {
  images!: ReviewableImage[];

  static override readonly _OPENAPI_METADATA_FACTORY = documented<
    Omit<ReviewableRequest, keyof RequestListItem>
  >({
    images: nested(() => [ReviewableImage]),
  });
}

export class ReviewResult {
  request!: ImageRequestView;
  /** The request opened for the rejected pieces, if any. */
  followUp!: ImageRequestView | null;

  static readonly _OPENAPI_METADATA_FACTORY = documented<ReviewResult>({
    request: nested(() => ImageRequestView),
    followUp: nested(
      () => ImageRequestView,
      'La nouvelle demande ouverte pour les pièces refusées, s’il y en a.',
      { nullable: true },
    ),
  });
}

/** The driver's open request, as the upload wizard needs it. */
export class DriverRequestView extends ImageRequestView {
  termsAccepted!: boolean;
  termsAcceptedAt!: string | null;
  termsVersion!: string | null;
  currentTermsVersion!: string;
  /** Whether the driver may still upload (PENDING or REMINDED). */
  uploadOpen!: boolean;
  /** The images kept for this request (drafts before "Valider"). */
  images!: StoredImageSummary[];

  static override readonly _OPENAPI_METADATA_FACTORY = documented<
    Omit<DriverRequestView, keyof ImageRequestView>
  >({
    termsAccepted: flag(),
    termsAcceptedAt: instant(undefined, { nullable: true }),
    termsVersion: text(undefined, { nullable: true }),
    currentTermsVersion: text(undefined, { example: CURRENT_TERMS_VERSION }),
    uploadOpen: flag('Vrai tant que le chauffeur peut déposer (PENDING ou REMINDED).'),
    images: nested(
      () => [StoredImageSummary],
      'Les images gardées pour cette demande (brouillons avant « Valider »).',
    ),
  });
}

export class AuditEntryView {
  at!: string;
  actorType!: ActorType;
  /** The agent's name, "le chauffeur" or "le service". */
  actor!: string;
  action!: string;
  requestId!: string | null;
  fromState!: string | null;
  toState!: string | null;
  reason!: string | null;

  static readonly _OPENAPI_METADATA_FACTORY = documented<AuditEntryView>({
    at: instant(),
    actorType: oneOf(ACTOR_TYPES),
    actor: text('Le nom de l’agent, « le chauffeur » ou « le service ».'),
    action: text(undefined, { example: 'REQUEST_CREATED' }),
    requestId: uuid(undefined, { nullable: true }),
    fromState: text(undefined, { nullable: true }),
    toState: text(undefined, { nullable: true }),
    reason: text(undefined, { nullable: true }),
  });
}
