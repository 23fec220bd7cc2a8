import type { Piece, StoredImageState } from '@t3p/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { binaryColumnType } from '../engine';
import { ImageRequestEntity } from './image-request.entity';

/** One image per requested piece of a request; a new valid upload replaces the draft. */
@Entity('stored_image')
export class StoredImageEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'request_id', type: 'varchar', length: 36 })
  requestId: string;

  @ManyToOne(() => ImageRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: ImageRequestEntity;

  @Column({ type: 'varchar', length: 10 })
  piece: Piece;

  @Column({ type: 'varchar', length: 10 })
  state: StoredImageState;

  /** 'jpeg' or 'pdf', from the magic bytes. */
  @Column({ type: 'varchar', length: 5 })
  format: string;

  /** The bytes exactly as the driver sent them. */
  @Column({ type: binaryColumnType() })
  original: Buffer;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize: number;

  /** The measured figures (JSON), as returned to the driver. */
  @Column({ type: 'text' })
  measured: string;

  /** The quality warnings (JSON array of {code, message, hint}) it got at upload; never blocking. */
  @Column({ type: 'text', default: "'[]'" })
  warnings: string;

  /** How many warnings: the agents' queue filters and sorts on it. */
  @Column({ name: 'warning_count', type: 'integer', default: 0 })
  warningCount: number;

  /** JPEG for display: orientation applied, metadata removed. Null for an upright JPEG: its copy is derived from `original` on read (metadata segments cut out, no decode). */
  @Column({ name: 'display_jpeg', type: binaryColumnType(), nullable: true })
  displayJpeg: Buffer | null;

  @Column({ name: 'rejection_reason', type: 'varchar', length: 1000, nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'uploaded_at', type: Date })
  uploadedAt: Date;

  @Column({ name: 'decided_at', type: Date, nullable: true })
  decidedAt: Date | null;
}
