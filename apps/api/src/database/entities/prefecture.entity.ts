import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('prefecture')
export class PrefectureEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Département code, e.g. "59". */
  @Column({ type: 'varchar', length: 3, unique: true })
  departement: string;

  /** Name as printed in emails, e.g. "Préfecture du Nord". */
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: Date })
  createdAt: Date;
}
