import type { CardApplicationState, CardType } from '@t3p/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DriverEntity } from './driver.entity';
import { PrefectureEntity } from './prefecture.entity';

@Entity('card_application')
export class CardApplicationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'driver_id', type: 'varchar', length: 36 })
  driverId: string;

  @ManyToOne(() => DriverEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'driver_id' })
  driver?: DriverEntity;

  @Column({ name: 'prefecture_id', type: 'varchar', length: 36 })
  prefectureId: string;

  @ManyToOne(() => PrefectureEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prefecture_id' })
  prefecture?: PrefectureEntity;

  @Column({ name: 'card_type', type: 'varchar', length: 5 })
  cardType: CardType;

  /** Driver identifier + a sequence over the card's life. */
  @Column({ name: 'card_number', type: 'varchar', length: 24, unique: true })
  cardNumber: string;

  @Column({ type: 'varchar', length: 20 })
  state: CardApplicationState;

  /** End of validity of the card once issued; drives the retention purge. */
  @Column({ name: 'card_valid_until', type: Date, nullable: true })
  cardValidUntil: Date | null;

  /** searchTextOf(driver, card number): what the back-office search matches; emptied by the purge. */
  @Column({ name: 'search_text', type: 'varchar', length: 400, default: '', select: false })
  searchText?: string;

  @CreateDateColumn({ name: 'created_at', type: Date })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: Date })
  updatedAt: Date;
}
