import { Injectable } from '@angular/core';
import type { ApplicationDetail, SignInLinkSent } from '@t3p/contracts';
import { SessionApi } from '@t3p/ui';
import { firstValueFrom } from 'rxjs';

/** Sign-in (by the request's reference), session and the driver's application. */
@Injectable({ providedIn: 'root' })
export class DriverApi extends SessionApi {
  sendSignInLink(reference: string): Promise<SignInLinkSent> {
    return firstValueFrom(this.http.post<SignInLinkSent>('/api/auth/driver/sign-in-links', { reference }));
  }

  application(): Promise<ApplicationDetail> {
    return firstValueFrom(this.http.get<ApplicationDetail>('/api/driver/application'));
  }
}
