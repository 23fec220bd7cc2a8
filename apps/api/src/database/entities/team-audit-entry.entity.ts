import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A team-management action of a préfecture (invitation, deactivation): who, on whom, when. */
@Entity('team_audit_entry')
export class TeamAuditEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'prefecture_id', type: 'varchar', length: 36 })
  prefectureId: string;

  @Column({ name: 'actor_agent_id', type: 'varchar', length: 36, nullable: true })
  actorAgentId: string | null;

  @Column({ name: 'target_agent_id', type: 'varchar', length: 36, nullable: true })
  targetAgentId: string | null;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ type: Date })
  at: Date;
}
