import { HttpStatus, Injectable } from '@nestjs/common';
import {
  CURRENT_TERMS_VERSION,
  type DriverRequestView,
  type Piece,
  type StoredImageSummary,
} from '@t3p/contracts';
import type { Verdict } from '@t3p/image-rules';
import type { Principal } from '../../auth/access.decorators';
import { ApiException } from '../../common/errors/api-exception';
import { ImagesService, toImageSummary, type MultipartUpload } from '../../images/images.service';
import { conflict, LifecycleService } from '../lifecycle/lifecycle.service';
import { piecesOf, toRequestView } from '../request.mapper';

/**
 * The signed-in driver's own request: the wizard's reads and the upload of one piece. The
 * request comes with the principal (read by the guard in its one round trip), never read again.
 */
@Injectable()
export class DriverRequestService {
  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly images: ImagesService,
  ) {}

  async view(principal: Principal): Promise<DriverRequestView> {
    const request = principal.driverRequest;
    if (!request)
      throw ApiException.notFound('Aucune demande d’images n’est associée à votre compte.');
    const images = await this.images.imagesOf(request.id);
    return {
      ...toRequestView(request, this.lifecycle.delays()),
      termsAccepted: request.termsAcceptedAt !== null,
      termsAcceptedAt: request.termsAcceptedAt ? request.termsAcceptedAt.toISOString() : null,
      termsVersion: request.termsVersion,
      currentTermsVersion: CURRENT_TERMS_VERSION,
      uploadOpen: request.state === 'PENDING' || request.state === 'REMINDED',
      images: images.map(toImageSummary),
    };
  }

  /**
   * One piece of the open request: read, judged and kept as the draft when valid by the Images
   * module, which gets the multipart body unread. Only while the request is PENDING/REMINDED,
   * for a requested piece, once the terms are accepted (checked first: a refused upload is not
   * read). The write re-checks the state in its own statement: a request closed while the file
   * was measured gets a 409 and keeps nothing.
   */
  async upload(
    principal: Principal,
    piece: Piece,
    upload: MultipartUpload,
  ): Promise<{ valid: true; image: StoredImageSummary } | { valid: false; verdict: Verdict }> {
    const request = this.lifecycle.openRequestOf(principal);
    if (!piecesOf(request).includes(piece)) {
      throw conflict(
        piece === 'PHOTO'
          ? 'La préfecture ne vous demande pas de photo d’identité.'
          : 'La préfecture ne vous demande pas de signature.',
        'PIECE_NOT_REQUESTED',
      );
    }
    if (!request.termsAcceptedAt) {
      throw conflict(
        'Acceptez d’abord les conditions d’utilisation (étape « Engagement »).',
        'TERMS_NOT_ACCEPTED',
      );
    }
    const outcome = await this.images.receiveDraft(request.id, piece, upload);
    if (!outcome.verdict.valid) return { valid: false, verdict: outcome.verdict };
    if (!outcome.image) throw await this.lifecycle.uploadLostError(request);
    return { valid: true, image: outcome.image };
  }

  /** The driver's own image of a piece, for display in the wizard. */
  async image(principal: Principal, piece: Piece): Promise<{ contentType: string; bytes: Buffer }> {
    const request = principal.driverRequest;
    const shown = request ? await this.images.displayImage(request.id, piece) : null;
    if (!shown)
      throw new ApiException(
        HttpStatus.NOT_FOUND,
        'NOT_FOUND',
        'Aucune image déposée pour cette pièce.',
      );
    return shown;
  }
}
