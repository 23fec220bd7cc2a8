import type { CardType, ImageRequestState } from '@t3p/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgentEntity } from './agent.entity';
import { CardApplicationEntity } from './card-application.entity';

@Entity('image_request')
export class ImageRequestEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  @ManyToOne(() => CardApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: CardApplicationEntity;

  /** Copied from the application so the back-office lists stay on one indexed table. */
  @Column({ name: 'prefecture_id', type: 'varchar', length: 36 })
  prefectureId: string;

  @Column({ name: 'card_type', type: 'varchar', length: 5 })
  cardType: CardType;

  /** Opaque reference carried by the link of the request email (no personal data). */
  @Column({ name: 'access_ref', type: 'varchar', length: 64, unique: true })
  accessRef: string;

  @Column({ name: 'photo_requested', type: 'boolean' })
  photoRequested: boolean;

  @Column({ name: 'signature_requested', type: 'boolean' })
  signatureRequested: boolean;

  /** Code from the catalogue of common reasons, or OTHER. */
  @Column({ name: 'reason_code', type: 'varchar', length: 40 })
  reasonCode: string;

  @Column({ name: 'reason_text', type: 'varchar', length: 1000 })
  reasonText: string;

  @Column({ type: 'varchar', length: 12 })
  state: ImageRequestState;

  @Column({ name: 'created_by_agent_id', type: 'varchar', length: 36, nullable: true })
  createdByAgentId: string | null;

  @ManyToOne(() => AgentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_agent_id' })
  createdByAgent?: AgentEntity | null;

  /** The rejected request this one follows, if any. */
  @Column({ name: 'previous_request_id', type: 'varchar', length: 36, nullable: true })
  previousRequestId: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;

  @Column({ name: 'reminded_at', type: Date, nullable: true })
  remindedAt: Date | null;

  @Column({ name: 'submitted_at', type: Date, nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'decided_at', type: Date, nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'cancelled_at', type: Date, nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'terms_accepted_at', type: Date, nullable: true })
  termsAcceptedAt: Date | null;

  /** The catalogue reason (REQUEST_REASONS code) a refused photo was refused for; the statistics count it. */
  @Column({ name: 'photo_rejection_code', type: 'varchar', length: 40, nullable: true })
  photoRejectionCode?: string | null;

  @Column({ name: 'signature_rejection_code', type: 'varchar', length: 40, nullable: true })
  signatureRejectionCode?: string | null;

  @Column({ name: 'terms_version', type: 'varchar', length: 20, nullable: true })
  termsVersion: string | null;
}
