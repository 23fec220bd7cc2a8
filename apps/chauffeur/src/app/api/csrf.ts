import { Injectable, signal } from '@angular/core';

/** The session's anti-CSRF token (from sign-in or GET /api/me), sent in X-CSRF-Token on every change. */
@Injectable({ providedIn: 'root' })
export class CsrfToken {
  readonly value = signal<string | null>(null);

  headers(): Record<string, string> {
    const token = this.value();
    return token ? { 'X-CSRF-Token': token } : {};
  }
}
