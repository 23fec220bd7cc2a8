import { Injectable, signal } from '@angular/core';
import type { T3pCardType } from '@t3p/ui';

const REFERENCE_KEY = 't3p.reference';
const RETURN_KEY = 't3p.retour';
const SIGNED_IN_KEY = 't3p.connecte';
const REFERENCE = /^[A-Za-z0-9_-]{1,64}$/;

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window[kind];
  } catch {
    return null;
  }
}

/** Only a wizard page of this site may be a return address (never another origin). */
export function safeReturn(url: string | null | undefined): string | null {
  return url && /^\/demande(\/[a-z-]*)?$/.test(url) ? url : null;
}

/**
 * What the browser remembers between pages of the driver: the card type (for the footer's
 * contact address), the request reference of the email link (to ask a new sign-in link when the
 * session ends; it grants nothing by itself) and the step to come back to after signing in again.
 */
@Injectable({ providedIn: 'root' })
export class DriverSession {
  readonly cardType = signal<T3pCardType | null>(null);

  rememberReference(reference: string | null | undefined): void {
    if (reference && REFERENCE.test(reference))
      storage('localStorage')?.setItem(REFERENCE_KEY, reference);
  }

  reference(): string | null {
    const value = storage('localStorage')?.getItem(REFERENCE_KEY) ?? null;
    return value && REFERENCE.test(value) ? value : null;
  }

  rememberReturn(url: string): void {
    const safe = safeReturn(url);
    if (safe) storage('localStorage')?.setItem(RETURN_KEY, safe);
  }

  /** The step to go back to (read once). */
  takeReturn(): string | null {
    const store = storage('localStorage');
    const value = safeReturn(store?.getItem(RETURN_KEY));
    store?.removeItem(RETURN_KEY);
    return value;
  }

  /** This browser signed in (a session existed here): a later 401 means that session ended. */
  rememberSignedIn(): void {
    storage('sessionStorage')?.setItem(SIGNED_IN_KEY, '1');
  }

  /** Whether a session was opened in this tab: who never signed in has no session that "ended". */
  wasSignedIn(): boolean {
    return storage('sessionStorage')?.getItem(SIGNED_IN_KEY) === '1';
  }

  hasReturn(): boolean {
    return safeReturn(storage('localStorage')?.getItem(RETURN_KEY)) !== null;
  }
}
