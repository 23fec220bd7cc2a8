import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import type { AgentRole, CardApplicationState, CardType, Civility, ImageRequestState, SubjectType } from './domain';

/** "Envoyer" on the driver's sign-in screen: the opaque reference of the request email's link. */
export class DriverSignInLinkRequest {
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'La référence du lien n’est pas valide.' })
  @MaxLength(64, { message: 'La référence du lien n’est pas valide.' })
  @IsNotEmpty({ message: 'La référence du lien est absente.' })
  @IsString({ message: 'La référence du lien n’est pas valide.' })
  reference!: string;
}

/** "Envoyer" on the back-office sign-in screen. */
export class AgentSignInLinkRequest {
  @IsEmail({}, { message: 'Saisissez une adresse électronique valide, par exemple prenom.nom@interieur.gouv.fr.' })
  @MaxLength(254, { message: 'L’adresse électronique est trop longue.' })
  @IsNotEmpty({ message: 'Saisissez votre adresse électronique professionnelle.' })
  @IsString({ message: 'Saisissez votre adresse électronique professionnelle.' })
  email!: string;
}

/** "Se connecter": the token of the link received by email. */
export class SignInRequest {
  @MaxLength(2048, { message: 'Ce lien de connexion n’est pas valide.' })
  @IsNotEmpty({ message: 'Ce lien de connexion n’est pas valide.' })
  @IsString({ message: 'Ce lien de connexion n’est pas valide.' })
  token!: string;
}

/** The answer to "Envoyer": the same status and shape whether the reference or address is known or not. */
export interface SignInLinkSent {
  /** Masked address the link was sent to (drivers, known reference only), else null. */
  sentTo: string | null;
  validityMinutes: number;
  /** French sentence to show as is. */
  message: string;
  /**
   * Set when the card application behind the reference is closed (validated or cancelled): no
   * link is sent, and `message` says what to do instead.
   */
  closed?: 'VALIDATED' | 'CANCELLED';
}

/** Why a sign-in link was refused: the page says which and offers a new link. */
export const SIGN_IN_LINK_PROBLEMS = ['LINK_EXPIRED', 'LINK_USED', 'LINK_SUPERSEDED', 'LINK_INVALID'] as const;
export type SignInLinkProblem = (typeof SIGN_IN_LINK_PROBLEMS)[number];

/** Answer of a successful sign-in; the session itself travels in an HttpOnly cookie. */
export interface SignInResult {
  role: SubjectType;
  /** To send back in the X-CSRF-Token header of every state-changing request. */
  csrfToken: string;
}

export const CSRF_HEADER = 'x-csrf-token';

/** Who is signed in (GET /api/me). */
export interface Me {
  role: SubjectType;
  firstName: string;
  lastName: string;
  csrfToken: string;
  /** Drivers: the card type of their application. */
  cardType?: CardType;
  /** Agents: their préfecture. */
  prefecture?: { name: string; departement: string };
  /** Agents: AGENT or RESPONSABLE (who manages the préfecture's team). */
  agentRole?: AgentRole;
}

export interface ApplicationDetail {
  driver: {
    civility: Civility;
    lastName: string;
    firstName: string;
    email: string;
    driverIdentifier: string;
    address: { line1: string; line2: string | null; postalCode: string; city: string };
  };
  application: {
    id: string;
    cardType: CardType;
    cardNumber: string;
    state: CardApplicationState;
    prefecture: { name: string; departement: string };
  };
  /** The open request, else the latest one, else null. */
  request: {
    id: string;
    state: ImageRequestState;
    photoRequested: boolean;
    signatureRequested: boolean;
    reason: string;
    createdAt: string;
    /** When the request will be cancelled if nothing is submitted (open requests only). */
    deadline: string | null;
  } | null;
}
