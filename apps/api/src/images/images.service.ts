import { Injectable } from '@nestjs/common';
import type { ImageWarning, Piece, StoredImageSummary } from '@t3p/contracts';
import type { ImageKind, Verdict } from '@t3p/image-rules';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { StoredImageEntity } from '../database/entities';
import { type ImageStateChange, ImagesRepository } from './images.repository';
import { checkImage, normaliseForDisplay, sha256 } from './measurement';

export const KIND_OF_PIECE: Record<Piece, ImageKind> = { PHOTO: 'photo', SIGNATURE: 'signature' };

export interface UploadOutcome {
  verdict: Verdict;
  /** Present when the file was valid and is now the draft of the piece. */
  image?: StoredImageSummary;
}

export const toImageSummary = (image: StoredImageEntity): StoredImageSummary => ({
  id: image.id,
  piece: image.piece,
  state: image.state,
  format: image.format as StoredImageSummary['format'],
  byteSize: image.byteSize,
  sha256: image.sha256,
  uploadedAt: image.uploadedAt.toISOString(),
  measured: JSON.parse(image.measured),
  warnings: parseWarnings(image.warnings),
});

/** Stored warnings JSON (rows from before the column read '[]'). */
function parseWarnings(json: string | undefined): ImageWarning[] {
  if (!json) return [];
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? (parsed as ImageWarning[]) : [];
}

/** Measures, judges and stores images. Invalid files are never stored. */
@Injectable()
export class ImagesService {
  constructor(
    private readonly images: ImagesRepository,
    private readonly clock: Clock,
  ) {}

  /** The full verdict for a file; nothing is stored. */
  check(bytes: Buffer, kind: ImageKind): Promise<Verdict> {
    return checkImage(bytes, kind);
  }

  /**
   * Judges an upload for one piece of an open request; a valid file becomes (or replaces) the
   * draft of that piece, with its SHA-256, measured figures and a clean display JPEG.
   * The caller (Requests, behind the Auth guard) has checked that the request is the driver's
   * and open for upload.
   */
  async uploadDraft(requestId: string, piece: Piece, bytes: Buffer): Promise<UploadOutcome> {
    const verdict = await checkImage(bytes, KIND_OF_PIECE[piece]);
    if (!verdict.valid) return { verdict };
    const displayJpeg = await normaliseForDisplay(bytes, verdict.measured);
    const saved = await this.images.saveDraft({
      requestId,
      piece,
      format: verdict.measured.format ?? 'jpeg',
      original: bytes,
      sha256: sha256(bytes),
      measured: JSON.stringify(verdict.measured),
      warnings: JSON.stringify(verdict.warnings),
      warningCount: verdict.warnings.length,
      displayJpeg,
      uploadedAt: this.clock.now(),
    });
    return saved ? { verdict, image: toImageSummary(saved) } : { verdict };
  }

  /** The draft (or submitted) image of a piece, for display: the clean JPEG, else the original. */
  async displayImage(requestId: string, piece: Piece): Promise<{ contentType: string; bytes: Buffer } | null> {
    const image = await this.images.findImage(requestId, piece);
    if (!image) return null;
    if (image.displayJpeg) return { contentType: 'image/jpeg', bytes: image.displayJpeg };
    return { contentType: image.format === 'pdf' ? 'application/pdf' : 'image/jpeg', bytes: image.original };
  }

  /** The images of a request (figures, states, no bytes). */
  imagesOf(requestId: string): Promise<StoredImageEntity[]> {
    return this.images.imagesOf(requestId);
  }

  /**
   * The transitions of the Requests module move a request's images with it, in their own
   * transaction (`manager`): submit (DRAFT → SUBMITTED), review (SUBMITTED → VALIDATED/REJECTED).
   */
  setStateInTransaction(manager: EntityManager, requestId: string, change: ImageStateChange): Promise<number> {
    return this.images.setState(manager, requestId, change);
  }

  /** "Annuler" of the confirmation dialog and cancelled requests drop their drafts, in the caller's transaction. */
  deleteDraftsInTransaction(manager: EntityManager, requestIds: string[]): Promise<number> {
    return this.images.deleteDrafts(manager, requestIds);
  }

  /** Retention purge: every image of these applications, in the caller's transaction. */
  deleteOfApplicationsInTransaction(manager: EntityManager, applicationIds: string[]): Promise<void> {
    return this.images.deleteOfApplications(manager, applicationIds);
  }
}
