import type { SubjectType } from '@t3p/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed-in browser. The cookie carries a random secret; only its SHA-256 is stored here. */
@Entity('auth_session')
export class AuthSessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 6 })
  subjectType: SubjectType;

  @Column({ name: 'subject_id', type: 'varchar', length: 36 })
  subjectId: string;

  /** Synchronizer token: must come back in X-CSRF-Token on every state change. */
  @Column({ name: 'csrf_token', type: 'varchar', length: 64 })
  csrfToken: string;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;

  /** Drives the idle expiry; refreshed at most once a minute. */
  @Column({ name: 'last_seen_at', type: Date })
  lastSeenAt: Date;

  /** Absolute expiry, fixed at sign-in. */
  @Column({ name: 'expires_at', type: Date })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt: Date | null;
}
