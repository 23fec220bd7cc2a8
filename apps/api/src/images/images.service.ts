import { Injectable } from '@nestjs/common';
import type { ImageWarning, Piece, StoredImageState, StoredImageSummary } from '@t3p/contracts';
import { randomUUID } from 'node:crypto';
import type { ImageKind, Measured, Verdict } from '@t3p/image-rules';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { StoredImageEntity } from '../database/entities';
import { type ImageStateChange, ImagesRepository } from './images.repository';
import { type MultipartUpload, readSingleFile } from './multipart-file';
import {
  checkImage,
  displayDerivedOnRead,
  normaliseByDecoding,
  sha256,
} from '@t3p/image-measurement';

export type { MultipartUpload } from './multipart-file';

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

  /** The full verdict for a file (every rule of its kind, on a full decode); nothing is stored. */
  check(bytes: Buffer, kind: ImageKind): Promise<Verdict> {
    return checkImage(bytes, kind);
  }

  /**
   * An upload as a route received it: the file of its multipart body is read here (field
   * « file », streamed under UPLOAD_HARD_CAP_BYTES, a precise 4xx for every malformed body),
   * then judged and stored by uploadDraft. The route's module checks the request first and
   * hands the body over unread: reading, measuring and storing are all Images'.
   */
  async receiveDraft(
    requestId: string,
    piece: Piece,
    upload: MultipartUpload,
  ): Promise<UploadOutcome> {
    return this.uploadDraft(requestId, piece, await readSingleFile(upload));
  }

  /**
   * Judges an upload for one piece of an open request; a valid file becomes (or replaces) the
   * draft of that piece, with its SHA-256 and measured figures, in one statement that also checks
   * that the request is still open (`stored: false` when it was not: nothing written).
   * The caller (Requests, behind the Auth guard) has checked that the request is the driver's
   * and was open when the request began.
   */
  async uploadDraft(requestId: string, piece: Piece, bytes: Buffer): Promise<UploadOutcome> {
    const verdict = await this.check(bytes, KIND_OF_PIECE[piece]);
    if (!verdict.valid) return { verdict };
    const saved = await this.images.saveDraft({
      requestId,
      piece,
      format: verdict.measured.format ?? 'jpeg',
      original: bytes,
      sha256: sha256(bytes),
      measured: JSON.stringify(verdict.measured),
      warnings: JSON.stringify(verdict.warnings),
      warningCount: verdict.warnings.length,
      displayJpeg: await this.storedDisplayCopy(bytes, verdict),
      uploadedAt: this.clock.now(),
    });
    return saved ? { verdict, image: toImageSummary(saved) } : { verdict };
  }

  /**
   * Stores a file that passes the rules directly in `state` (SUBMITTED, VALIDATED or REJECTED),
   * in the caller's transaction: the demo data's images. Throws on a file that does not pass.
   */
  async storeInTransaction(
    manager: EntityManager,
    image: {
      requestId: string;
      piece: Piece;
      bytes: Buffer;
      state: StoredImageState;
      uploadedAt: Date;
      decidedAt: Date | null;
      rejectionReason?: string;
    },
  ): Promise<void> {
    const verdict = await checkImage(image.bytes, KIND_OF_PIECE[image.piece]);
    if (!verdict.valid)
      throw new Error(
        `The ${image.piece} to store does not pass the rules: ${verdict.errors.map((e) => e.code).join(', ')}`,
      );
    await this.images.insertImage(manager, {
      id: randomUUID(),
      requestId: image.requestId,
      piece: image.piece,
      state: image.state,
      format: verdict.measured.format ?? 'jpeg',
      original: image.bytes,
      sha256: sha256(image.bytes),
      byteSize: image.bytes.length,
      measured: JSON.stringify(verdict.measured),
      warnings: JSON.stringify(verdict.warnings),
      warningCount: verdict.warnings.length,
      displayJpeg: await this.storedDisplayCopy(image.bytes, verdict),
      rejectionReason: image.rejectionReason ?? null,
      uploadedAt: image.uploadedAt,
      decidedAt: image.decidedAt,
    });
  }

  /**
   * The display copy to store beside the original: none for an upright JPEG, whose copy is the
   * original with its metadata cut out, derived again at each display (a segment walk, no
   * decode: 0.25 ms for a 38 KB photo on a loaded machine, against 30–80 KB more to write at
   * every upload and read back); a decoded copy otherwise (rotated JPEG re-encoded upright, the
   * JPEG inside a PDF).
   */
  private async storedDisplayCopy(bytes: Buffer, verdict: Verdict): Promise<Buffer | null> {
    if (displayDerivedOnRead(bytes, verdict.measured)) return null;
    return normaliseByDecoding(bytes, verdict.measured);
  }

  /** The draft (or submitted) image of a piece, for display: the clean JPEG, else the original. */
  async displayImage(
    requestId: string,
    piece: Piece,
  ): Promise<{ contentType: string; bytes: Buffer } | null> {
    const image = await this.images.findImage(requestId, piece);
    if (!image) return null;
    if (image.displayJpeg) return { contentType: 'image/jpeg', bytes: image.displayJpeg };
    if (image.format === 'jpeg') {
      const derived = displayDerivedOnRead(image.original, JSON.parse(image.measured) as Measured);
      if (derived) return { contentType: 'image/jpeg', bytes: derived };
    }
    return {
      contentType: image.format === 'pdf' ? 'application/pdf' : 'image/jpeg',
      bytes: image.original,
    };
  }

  /** The images of a request (figures, states, no bytes). */
  imagesOf(requestId: string): Promise<StoredImageEntity[]> {
    return this.images.imagesOf(requestId);
  }

  /**
   * The transitions of the Requests module move a request's images with it, in their own
   * transaction (`manager`): submit (DRAFT → SUBMITTED), review (SUBMITTED → VALIDATED/REJECTED).
   */
  setStateInTransaction(
    manager: EntityManager,
    requestId: string,
    change: ImageStateChange,
  ): Promise<number> {
    return this.images.setState(manager, requestId, change);
  }

  /** "Annuler" of the confirmation dialog and cancelled requests drop their drafts, in the caller's transaction. */
  deleteDraftsInTransaction(manager: EntityManager, requestIds: string[]): Promise<number> {
    return this.images.deleteDrafts(manager, requestIds);
  }

  /** Retention purge: every image of these applications, in the caller's transaction. */
  deleteOfApplicationsInTransaction(
    manager: EntityManager,
    applicationIds: string[],
  ): Promise<void> {
    return this.images.deleteOfApplications(manager, applicationIds);
  }
}
