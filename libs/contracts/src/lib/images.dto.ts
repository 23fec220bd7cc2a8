import { IsIn } from 'class-validator';
import type { Piece, StoredImageState } from './domain';

export const IMAGE_KIND_VALUES = ['photo', 'signature'] as const;

export class ImageCheckQuery {
  /** Which rules apply: photo d’identité or signature. */
  @IsIn(IMAGE_KIND_VALUES, { message: 'Le paramètre « kind » doit valoir « photo » ou « signature ».' })
  kind!: (typeof IMAGE_KIND_VALUES)[number];
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
}
