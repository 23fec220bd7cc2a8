import { IsIn } from 'class-validator';
import type { Piece, StoredImageState } from './domain';

export const IMAGE_KIND_VALUES = ['photo', 'signature'] as const;

export class ImageCheckQuery {
  /** Which rules apply: photo d’identité or signature. */
  @IsIn(IMAGE_KIND_VALUES, { message: 'Le paramètre « kind » doit valoir « photo » ou « signature ».' })
  kind!: (typeof IMAGE_KIND_VALUES)[number];
}

/**
 * A quality warning (never blocking), the same in the browser, the API and check-image; codes and
 * thresholds: @t3p/image-warnings and docs/image-rules.md.
 */
export interface ImageWarning {
  code: string;
  /** French: what was measured and what is expected. */
  message: string;
  /** French: what the driver can do. */
  hint: string;
}

/** An image kept for a request (never the bytes: they have their own endpoint). */
export interface StoredImageSummary {
  id: string;
  piece: Piece;
  state: StoredImageState;
  format: 'jpeg' | 'pdf';
  byteSize: number;
  sha256: string;
  uploadedAt: string;
  /** The figures measured on the file (see @t3p/image-rules Measured). */
  measured: Record<string, unknown>;
  /** The quality warnings the file got when it was uploaded (empty when none). */
  warnings: ImageWarning[];
}
