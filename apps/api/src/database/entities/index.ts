import { AgentEntity } from './agent.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuthSessionEntity } from './auth-session.entity';
import { CardApplicationEntity } from './card-application.entity';
import { DriverEntity } from './driver.entity';
import { ImageRequestEntity } from './image-request.entity';
import { OutboxEmailEntity } from './outbox-email.entity';
import { PrefectureEntity } from './prefecture.entity';
import { RateLimitEventEntity } from './rate-limit-event.entity';
import { SignInTokenEntity } from './sign-in-token.entity';
import { StoredImageEntity } from './stored-image.entity';
import { TeamAuditEntryEntity } from './team-audit-entry.entity';

export {
  AgentEntity,
  AuditEntryEntity,
  AuthSessionEntity,
  CardApplicationEntity,
  DriverEntity,
  ImageRequestEntity,
  OutboxEmailEntity,
  PrefectureEntity,
  RateLimitEventEntity,
  SignInTokenEntity,
  StoredImageEntity,
  TeamAuditEntryEntity,
};

export const ENTITIES = [
  PrefectureEntity,
  AgentEntity,
  DriverEntity,
  CardApplicationEntity,
  ImageRequestEntity,
  StoredImageEntity,
  AuditEntryEntity,
  OutboxEmailEntity,
  SignInTokenEntity,
  AuthSessionEntity,
  RateLimitEventEntity,
  TeamAuditEntryEntity,
];
