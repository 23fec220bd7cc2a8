import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { DriverRequestView, ImageRequestView, Piece, StoredImageSummary } from '@t3p/contracts';
import type { Verdict } from '@t3p/image-rules';
import { firstValueFrom } from 'rxjs';
import { DriverApi } from './auth-api';

/** The answer of PUT /api/driver/request/images/:piece when the file breaks a rule (422). */
export interface ImageRefusal {
  statusCode: 422;
  code: 'IMAGE_INVALID';
  message: string;
  verdict: Verdict;
  requestId?: string;
}

export function isImageRefusal(body: unknown): body is ImageRefusal {
  return !!body && typeof body === 'object' && (body as { code?: unknown }).code === 'IMAGE_INVALID' && 'verdict' in body;
}

/** Path segment of a piece in the driver API. */
export const PIECE_PATH: Record<Piece, string> = { PHOTO: 'photo', SIGNATURE: 'signature' };

/** The image shown back to the driver (the server's clean display copy, never cached). */
export function imageUrlOf(piece: Piece, version: string): string {
  return `/api/driver/request/images/${PIECE_PATH[piece]}?v=${encodeURIComponent(version)}`;
}

/** The signed-in driver's image request: the wizard's reads and changes. */
@Injectable({ providedIn: 'root' })
export class DriverRequestApi {
  private readonly http = inject(HttpClient);
  private readonly session = inject(DriverApi);

  view(): Promise<DriverRequestView> {
    return firstValueFrom(this.http.get<DriverRequestView>('/api/driver/request'));
  }

  async acceptTerms(termsVersion: string): Promise<void> {
    const headers = await this.session.csrfHeaders();
    return firstValueFrom(this.http.post<void>('/api/driver/request/terms', { termsVersion }, { headers }));
  }

  /** 201 and the kept image; a refusal comes back as an HttpErrorResponse (422) holding an ImageRefusal. */
  async upload(piece: Piece, file: Blob, fileName: string): Promise<StoredImageSummary> {
    const headers = await this.session.csrfHeaders();
    const form = new FormData();
    form.append('file', file, fileName);
    return firstValueFrom(this.http.put<StoredImageSummary>(`/api/driver/request/images/${PIECE_PATH[piece]}`, form, { headers }));
  }

  /** "Annuler": the images kept in this pass are deleted. */
  async discard(): Promise<void> {
    const headers = await this.session.csrfHeaders();
    return firstValueFrom(this.http.delete<void>('/api/driver/request/images', { headers }));
  }

  /** "Valider": the images go to the préfecture. */
  async submit(): Promise<ImageRequestView> {
    const headers = await this.session.csrfHeaders();
    return firstValueFrom(this.http.post<ImageRequestView>('/api/driver/request/submit', {}, { headers }));
  }
}
