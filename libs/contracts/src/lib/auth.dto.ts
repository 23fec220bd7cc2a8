import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import {
  AGENT_ROLES,
  CARD_APPLICATION_STATES,
  CARD_TYPES,
  CIVILITIES,
  IMAGE_REQUEST_STATES,
  SUBJECT_TYPES,
  type AgentRole,
  type CardApplicationState,
  type CardType,
  type Civility,
  type ImageRequestState,
  type SubjectType,
} from './domain';
import { flag, instant, integer, nested, oneOf, text, uuid, documented } from './openapi-fields';

/** "Envoyer" on the driver's sign-in screen: the opaque reference of the request email's link. */
export class DriverSignInLinkRequest {
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'La référence du lien n’est pas valide.' })
  @MaxLength(64, { message: 'La référence du lien n’est pas valide.' })
  @IsNotEmpty({ message: 'La référence du lien est absente.' })
  @IsString({ message: 'La référence du lien n’est pas valide.' })
  reference!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<DriverSignInLinkRequest>({
    reference: text('La référence opaque du lien reçu dans le courriel de demande.', {
      maxLength: 64,
      pattern: '^[A-Za-z0-9_-]+$',
      example: 'Q2xm8fKp3RzT',
    }),
  });
}

/** "Envoyer" on the back-office sign-in screen. */
export class AgentSignInLinkRequest {
  @IsEmail(
    {},
    {
      message:
        'Saisissez une adresse électronique valide, par exemple prenom.nom@interieur.gouv.fr.',
    },
  )
  @MaxLength(254, { message: 'L’adresse électronique est trop longue.' })
  @IsNotEmpty({ message: 'Saisissez votre adresse électronique professionnelle.' })
  @IsString({ message: 'Saisissez votre adresse électronique professionnelle.' })
  email!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<AgentSignInLinkRequest>({
    email: text('L’adresse professionnelle de l’agent.', {
      format: 'email',
      maxLength: 254,
      example: 'camille.martin@interieur.gouv.fr',
    }),
  });
}

/** "Se connecter": the token of the link received by email. */
export class SignInRequest {
  @MaxLength(2048, { message: 'Ce lien de connexion n’est pas valide.' })
  @IsNotEmpty({ message: 'Ce lien de connexion n’est pas valide.' })
  @IsString({ message: 'Ce lien de connexion n’est pas valide.' })
  token!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<SignInRequest>({
    token: text('Le jeton du lien reçu par courriel (usage unique).', { maxLength: 2048 }),
  });
}

/** The answer to "Envoyer": the same status and shape whether the reference or address is known or not. */
export class SignInLinkSent {
  /** Masked address the link was sent to (drivers, known reference only), else null. */
  sentTo!: string | null;
  validityMinutes!: number;
  /** French sentence to show as is. */
  message!: string;
  /**
   * Set when the card application behind the reference is closed (validated or cancelled): no
   * link is sent, and `message` says what to do instead.
   */
  closed?: 'VALIDATED' | 'CANCELLED';

  static readonly _OPENAPI_METADATA_FACTORY = documented<SignInLinkSent>({
    sentTo: text(
      'Adresse masquée à laquelle le lien est parti (chauffeur, référence connue), sinon null.',
      { nullable: true, example: 'j***n@exemple.fr' },
    ),
    validityMinutes: integer('Durée de validité du lien, en minutes.', { example: 30 }),
    message: text('Phrase en français à afficher telle quelle.'),
    closed: oneOf(
      ['VALIDATED', 'CANCELLED'],
      'Présent quand la demande de carte est close : aucun lien n’est envoyé.',
      { required: false },
    ),
  });
}

/** Why a sign-in link was refused: the page says which and offers a new link. */
export const SIGN_IN_LINK_PROBLEMS = [
  'LINK_EXPIRED',
  'LINK_USED',
  'LINK_SUPERSEDED',
  'LINK_INVALID',
] as const;
export type SignInLinkProblem = (typeof SIGN_IN_LINK_PROBLEMS)[number];

/** Answer of a successful sign-in; the session itself travels in an HttpOnly cookie. */
export class SignInResult {
  role!: SubjectType;
  /** To send back in the X-CSRF-Token header of every state-changing request. */
  csrfToken!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<SignInResult>({
    role: oneOf(SUBJECT_TYPES),
    csrfToken: text(
      'À renvoyer dans l’en-tête X-CSRF-Token de chaque requête qui modifie quelque chose.',
    ),
  });
}

export const CSRF_HEADER = 'x-csrf-token';

/** A préfecture, as the pages name it. */
export class PrefectureRef {
  name!: string;
  departement!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<PrefectureRef>({
    name: text(undefined, { example: 'Préfecture de police de Paris' }),
    departement: text(undefined, { example: '75' }),
  });
}

/** Who is signed in (GET /api/me). */
export class Me {
  role!: SubjectType;
  firstName!: string;
  lastName!: string;
  csrfToken!: string;
  /** Drivers: the card type of their application. */
  cardType?: CardType;
  /** Agents: their préfecture. */
  prefecture?: PrefectureRef;
  /** Agents: AGENT or RESPONSABLE (who manages the préfecture's team). */
  agentRole?: AgentRole;

  static readonly _OPENAPI_METADATA_FACTORY = documented<Me>({
    role: oneOf(SUBJECT_TYPES),
    firstName: text(),
    lastName: text(),
    csrfToken: text(
      'À renvoyer dans l’en-tête X-CSRF-Token de chaque requête qui modifie quelque chose.',
    ),
    cardType: oneOf(CARD_TYPES, 'Chauffeurs : le type de carte de leur demande.', {
      required: false,
    }),
    prefecture: nested(() => PrefectureRef, 'Agents : leur préfecture.', { required: false }),
    agentRole: oneOf(
      AGENT_ROLES,
      'Agents : AGENT ou RESPONSABLE (qui gère l’équipe de la préfecture).',
      { required: false },
    ),
  });
}

export class DriverAddress {
  line1!: string;
  line2!: string | null;
  postalCode!: string;
  city!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<DriverAddress>({
    line1: text(),
    line2: text(undefined, { nullable: true }),
    postalCode: text(undefined, { example: '75011' }),
    city: text(undefined, { example: 'Paris' }),
  });
}

export class ApplicationDriver {
  civility!: Civility;
  lastName!: string;
  firstName!: string;
  email!: string;
  driverIdentifier!: string;
  address!: DriverAddress;

  static readonly _OPENAPI_METADATA_FACTORY = documented<ApplicationDriver>({
    civility: oneOf(CIVILITIES),
    lastName: text(),
    firstName: text(),
    email: text(undefined, { format: 'email' }),
    driverIdentifier: text(),
    address: nested(() => DriverAddress),
  });
}

export class ApplicationSummary {
  id!: string;
  cardType!: CardType;
  cardNumber!: string;
  state!: CardApplicationState;
  prefecture!: PrefectureRef;

  static readonly _OPENAPI_METADATA_FACTORY = documented<ApplicationSummary>({
    id: uuid(),
    cardType: oneOf(CARD_TYPES),
    cardNumber: text(),
    state: oneOf(CARD_APPLICATION_STATES),
    prefecture: nested(() => PrefectureRef),
  });
}

export class ApplicationRequestSummary {
  id!: string;
  state!: ImageRequestState;
  photoRequested!: boolean;
  signatureRequested!: boolean;
  reason!: string;
  createdAt!: string;
  /** When the request will be cancelled if nothing is submitted (open requests only). */
  deadline!: string | null;

  static readonly _OPENAPI_METADATA_FACTORY = documented<ApplicationRequestSummary>({
    id: uuid(),
    state: oneOf(IMAGE_REQUEST_STATES),
    photoRequested: flag(),
    signatureRequested: flag(),
    reason: text('Le motif, en français.'),
    createdAt: instant(),
    deadline: instant(
      'Quand la demande sera annulée si rien n’est envoyé (demandes ouvertes seulement).',
      { nullable: true },
    ),
  });
}

export class ApplicationDetail {
  driver!: ApplicationDriver;
  application!: ApplicationSummary;
  /** The open request, else the latest one, else null. */
  request!: ApplicationRequestSummary | null;

  static readonly _OPENAPI_METADATA_FACTORY = documented<ApplicationDetail>({
    driver: nested(() => ApplicationDriver),
    application: nested(() => ApplicationSummary),
    request: nested(
      () => ApplicationRequestSummary,
      'La demande d’images ouverte, sinon la dernière, sinon null.',
      { nullable: true },
    ),
  });
}
