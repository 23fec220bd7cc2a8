import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One counted attempt; the bucket is a keyed hash (never an address in clear). */
@Entity('rate_limit_event')
export class RateLimitEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 80 })
  bucket: string;

  @Column({ type: Date })
  at: Date;
}
