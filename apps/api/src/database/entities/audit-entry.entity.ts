import type { ActorType } from '@t3p/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CardApplicationEntity } from './card-application.entity';

/** Append-only trail: who did what, when, from which state to which, and why. */
@Entity('audit_entry')
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  @ManyToOne(() => CardApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: CardApplicationEntity;

  @Column({ name: 'request_id', type: 'varchar', length: 36, nullable: true })
  requestId: string | null;

  @Column({ name: 'actor_type', type: 'varchar', length: 6 })
  actorType: ActorType;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ name: 'from_state', type: 'varchar', length: 20, nullable: true })
  fromState: string | null;

  @Column({ name: 'to_state', type: 'varchar', length: 20, nullable: true })
  toState: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason: string | null;

  @Column({ type: Date })
  at: Date;
}
