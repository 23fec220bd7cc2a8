import { inject, Injectable } from '@angular/core';
import {
  ok,
  type DriverRequestView,
  type ImageRequestView,
  type StoredImageSummary,
} from '@t3p/api-client';
import type { Piece } from '@t3p/contracts';
import { ApiClient } from '@t3p/ui';

export { isImageRefusal, type ImageRefusal } from '@t3p/api-client';

/** Path segment of a piece in the driver API. */
export const PIECE_PATH = { PHOTO: 'photo', SIGNATURE: 'signature' } as const satisfies Record<
  Piece,
  string
>;

/** The image shown back to the driver (the server's clean display copy, never cached). */
export function imageUrlOf(piece: Piece, version: string): string {
  return `/api/driver/request/images/${PIECE_PATH[piece]}?v=${encodeURIComponent(version)}`;
}

/** The signed-in driver's image request: the wizard's reads and changes. */
@Injectable({ providedIn: 'root' })
export class DriverRequestApi {
  private readonly api = inject(ApiClient).api;

  view(): Promise<DriverRequestView> {
    return ok(this.api.GET('/api/driver/request'));
  }

  async acceptTerms(termsVersion: string): Promise<void> {
    await ok(this.api.POST('/api/driver/request/terms', { body: { termsVersion } }));
  }

  /** 201 and the kept image; a refusal (422) comes back as an ApiCallError whose body is an ImageRefusal. */
  upload(piece: Piece, file: Blob, fileName: string): Promise<StoredImageSummary> {
    return ok(
      this.api.PUT('/api/driver/request/images/{piece}', {
        params: { path: { piece: PIECE_PATH[piece] } },
        body: { file },
        bodySerializer: (body) => {
          const form = new FormData();
          form.append('file', body.file, fileName);
          return form;
        },
      }),
    );
  }

  /** "Annuler": the images kept in this pass are deleted. */
  async discard(): Promise<void> {
    await ok(this.api.DELETE('/api/driver/request/images'));
  }

  /** "Valider": the images go to the préfecture. */
  submit(): Promise<ImageRequestView> {
    return ok(this.api.POST('/api/driver/request/submit'));
  }
}
