import type { AgentRole } from '@t3p/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { PrefectureEntity } from './prefecture.entity';

@Entity('agent')
export class AgentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('idx_agent_prefecture')
  @Column({ name: 'prefecture_id', type: 'varchar', length: 36 })
  prefectureId: string;

  @ManyToOne(() => PrefectureEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prefecture_id' })
  prefecture?: PrefectureEntity;

  /** Lower-cased; one account per address. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** RESPONSABLE: also invites and deactivates the agents of their préfecture. */
  @Column({ type: 'varchar', length: 12, default: 'AGENT' })
  role: AgentRole;

  @CreateDateColumn({ name: 'created_at', type: Date })
  createdAt: Date;
}
