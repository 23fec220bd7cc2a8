import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { CardApplicationState, CardType, EmailKind, ImageRequestState, OutboxState } from './domain';
import { RequestListQuery } from './requests.dto';

/** Sort orders of the back-office list (by creation of the image request). */
export const DASHBOARD_SORTS = ['newest', 'oldest'] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];

/** The dashboard list: the filters of the request list, plus the sort order. */
export class DashboardQuery extends RequestListQuery {
  @IsOptional()
  @IsIn(DASHBOARD_SORTS, { message: 'Le tri doit valoir « newest » ou « oldest ».' })
  sort?: DashboardSort;
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
}

/** The counts of the dashboard: the préfecture's image requests per state and per card type. */
export interface DashboardOverview {
  prefecture: { name: string; departement: string };
  counts: Record<ImageRequestState, number>;
  countsByCardType: Record<CardType, number>;
  total: number;
}

export interface ApplicationListItem {
  id: string;
  cardType: CardType;
  cardNumber: string;
  state: CardApplicationState;
  createdAt: string;
  driver: { driverIdentifier: string; civility: string; lastName: string; firstName: string };
  /** The open image request's state, if any (one at most). */
  openRequestState: ImageRequestState | null;
}

export interface ApplicationPage {
  items: ApplicationListItem[];
  nextCursor: string | null;
}

/** The email the driver would receive if the request were created as it stands. */
export interface EmailPreview {
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** One email of an application, with its delivery state (timeline of the back-office). */
export interface EmailDeliveryView {
  id: string;
  kind: EmailKind;
  requestId: string | null;
  subject: string;
  state: OutboxState;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
}
