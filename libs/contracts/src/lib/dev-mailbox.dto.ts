import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { EmailKind, OutboxState } from './domain';

export class DevMailboxQuery {
  /** How many emails, newest first (1 to 200). */
  @IsOptional()
  @Type(() => Number)
  @Max(200, { message: 'Le paramètre « limit » doit valoir au plus 200.' })
  @Min(1, { message: 'Le paramètre « limit » doit valoir au moins 1.' })
  @IsInt({ message: 'Le paramètre « limit » doit être un nombre entier.' })
  limit?: number;
}

export interface DevMailboxSummary {
  id: string;
  kind: EmailKind;
  to: string;
  subject: string;
  state: OutboxState;
  createdAt: string;
  sentAt: string | null;
}

export interface DevMailboxEmail extends DevMailboxSummary {
  html: string;
  text: string;
}
