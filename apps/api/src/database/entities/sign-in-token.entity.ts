import type { SubjectType } from '@t3p/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The stored half of a magic link: only a hash of its id, consumed once by a conditional update. */
@Entity('sign_in_token')
export class SignInTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 6 })
  subjectType: SubjectType;

  @Column({ name: 'subject_id', type: 'varchar', length: 36 })
  subjectId: string;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;

  @Column({ name: 'expires_at', type: Date })
  expiresAt: Date;

  @Column({ name: 'consumed_at', type: Date, nullable: true })
  consumedAt: Date | null;

  /** Set when a newer link for the same subject made this one void. */
  @Column({ name: 'superseded_at', type: Date, nullable: true })
  supersededAt: Date | null;
}
