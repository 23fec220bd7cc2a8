import { Injectable, inject, signal } from '@angular/core';
import { ok, type SiteInfo } from '@t3p/api-client';
import { ApiClient } from '../session/session-api';

/**
 * What the API's settings say about the service (GET /api/site): the sender of its emails and
 * the legal notice. Read once per visit, when a page first needs it; null until then (or if the
 * API does not answer: the pages then say it in general words).
 */
@Injectable({ providedIn: 'root' })
export class SiteInfoStore {
  private readonly api = inject(ApiClient).api;
  private requested = false;
  readonly info = signal<SiteInfo | null>(null);

  load(): void {
    if (this.requested) return;
    this.requested = true;
    ok(this.api.GET('/api/site')).then(
      (info) => this.info.set(info),
      () => (this.requested = false),
    );
  }
}
