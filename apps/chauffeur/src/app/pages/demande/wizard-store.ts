import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { ApiErrorBody, Piece } from '@t3p/contracts';
import type { ApplicationDetail, DriverRequestView, Me, StoredImageSummary } from '@t3p/api-client';
import { apiErrorOf, statusOf } from '@t3p/ui';
import { DriverApi } from '../../api/auth-api';
import { DriverRequestApi } from '../../api/request-api';
import { DriverSession } from '../../session/driver-session';
import { stepsFor, type WizardFacts } from './wizard-steps';

/** Thrown after the driver has been sent back to sign-in: callers just stop. */
export class SessionEnded extends Error {
  constructor() {
    super('Session ended');
  }
}

/**
 * The wizard's state, always read from the server (so a reload or a new sign-in finds the
 * same place): who is signed in, the card application (Détail) and the image request.
 * One per visit of /demande (provided by its route).
 */
@Injectable()
export class WizardStore {
  private readonly auth = inject(DriverApi);
  private readonly api = inject(DriverRequestApi);
  private readonly router = inject(Router);
  private readonly session = inject(DriverSession);

  readonly me = signal<Me | null>(null);
  readonly detail = signal<ApplicationDetail | null>(null);
  readonly request = signal<DriverRequestView | null>(null);
  readonly error = signal<ApiErrorBody | null>(null);
  /** Set by "Annuler" in the confirmation: the first upload step says the images were deleted. */
  readonly restartNotice = signal(false);
  private loading: Promise<void> | null = null;

  readonly facts = computed<WizardFacts>(() => {
    const request = this.request();
    return {
      state: request?.state ?? null,
      pieces: request?.pieces ?? [],
      termsAccepted: request?.termsAccepted ?? false,
      uploaded: (request?.images ?? []).map((image) => image.piece),
    };
  });
  readonly steps = computed(() => stepsFor(this.facts().pieces));

  imageOf(piece: Piece): StoredImageSummary | null {
    return this.request()?.images.find((image) => image.piece === piece) ?? null;
  }

  /** Loads once per visit (the step guards wait for it). */
  ensureLoaded(): Promise<void> {
    this.loading ??= this.reload();
    return this.loading;
  }

  async reload(): Promise<void> {
    try {
      // Three reads at once: on a phone network each sequential round trip delays the first screen.
      // The API announces these same three URLs in the HTML answer of a wizard page (Link: rel=preload,
      // apps/api/src/app/front-preloads.ts): change both together.
      const [me, detail, request] = await Promise.all([
        this.auth.me(),
        this.auth.application(),
        this.requestOrNull(),
      ]);
      this.me.set(me);
      this.detail.set(detail);
      this.request.set(request);
      this.session.cardType.set(detail.application.cardType);
      this.error.set(null);
    } catch (error) {
      this.loading = null;
      this.fail(error);
    }
  }

  private async requestOrNull(): Promise<DriverRequestView | null> {
    try {
      return await this.api.view();
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  /**
   * A 401 means the session ended (idle or absolute expiry, signed out elsewhere): remember the
   * step and go back to the sign-in screen of the request, which brings the driver back here.
   * Other errors are kept for the page to show, and rethrown.
   */
  fail(error: unknown, returnTo?: string): never {
    if (statusOf(error) === 401) {
      this.session.rememberReturn(returnTo ?? this.router.url);
      const reference = this.session.reference();
      // Who never signed in here (a bad or used link, a bookmark) has no session that "ended".
      const why = this.session.wasSignedIn() ? 'expiree' : 'absente';
      void this.router.navigateByUrl(
        reference ? `/connexion/${reference}?session=${why}` : `/session-expiree?session=${why}`,
      );
      throw new SessionEnded();
    }
    const body = apiErrorOf(error);
    this.error.set(body);
    throw error;
  }

  /** For an action's failure: a 401 goes back to sign-in (null); else the French message to show. */
  actionError(error: unknown): string | null {
    if (error instanceof SessionEnded) return null;
    if (statusOf(error) === 401) {
      try {
        this.fail(error);
      } catch {
        return null;
      }
    }
    return apiErrorOf(error).message;
  }

  setRequest(request: DriverRequestView): void {
    this.request.set(request);
  }

  /** After a change on the server: read the request again (keeps the rest). */
  async refreshRequest(): Promise<void> {
    try {
      this.request.set(await this.requestOrNull());
    } catch (error) {
      this.fail(error);
    }
  }
}
