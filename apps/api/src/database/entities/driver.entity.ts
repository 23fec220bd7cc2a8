import type { Civility } from '@t3p/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('driver')
export class DriverEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Département + year + driver number, managed by the préfecture, e.g. "592018000123". */
  @Column({ name: 'driver_identifier', type: 'varchar', length: 20, unique: true })
  driverIdentifier: string;

  @Column({ type: 'varchar', length: 3 })
  civility: Civility;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'address_line1', type: 'varchar', length: 200 })
  addressLine1: string;

  @Column({ name: 'address_line2', type: 'varchar', length: 200, nullable: true })
  addressLine2: string | null;

  @Column({ name: 'postal_code', type: 'varchar', length: 10 })
  postalCode: string;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  /** Set when the retention purge has erased the personal data. */
  @Column({ name: 'purged_at', type: Date, nullable: true })
  purgedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: Date })
  createdAt: Date;
}
