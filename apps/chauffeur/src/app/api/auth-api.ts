import { Injectable } from '@angular/core';
import { ok, type ApplicationDetail, type SignInLinkSent } from '@t3p/api-client';
import { SessionApi } from '@t3p/ui';

/** Sign-in (by the request's reference), session and the driver's application. */
@Injectable({ providedIn: 'root' })
export class DriverApi extends SessionApi {
  sendSignInLink(reference: string): Promise<SignInLinkSent> {
    return ok(this.api.POST('/api/auth/driver/sign-in-links', { body: { reference } }));
  }

  application(): Promise<ApplicationDetail> {
    return ok(this.api.GET('/api/driver/application'));
  }
}
