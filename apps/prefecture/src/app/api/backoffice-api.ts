import { inject, Injectable } from '@angular/core';
import {
  ok,
  type ApplicationDetail,
  type ApplicationPage,
  type AuditEntryView,
  type CreateImageRequestBody,
  type DashboardOverview,
  type EmailDeliveryView,
  type EmailPreview,
  type ImageRequestView,
  type RequestPage,
  type ReviewableRequest,
  type ReviewRequestBody,
  type ReviewResult,
} from '@t3p/api-client';
import type { CardType, DashboardSort, ImageRequestState } from '@t3p/contracts';
import { ApiClient } from '@t3p/ui';

export interface DashboardFilters {
  state?: ImageRequestState;
  cardType?: CardType;
  from?: string;
  to?: string;
  q?: string;
  sort?: DashboardSort;
  /** 'true': only requests with an image that got quality warnings. */
  hasWarnings?: 'true';
  cursor?: string;
  limit?: number;
}

/** The filters that are set (an empty text is no filter). */
const setOnly = <T extends object>(values: T): T =>
  Object.fromEntries(
    Object.entries(values).filter(
      ([, value]) => value !== undefined && value !== null && value !== '',
    ),
  ) as T;

/** The dashboard's reads: counts per state, the request list, the application search. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly api = inject(ApiClient).api;

  overview(): Promise<DashboardOverview> {
    return ok(this.api.GET('/api/agent/dashboard/overview'));
  }

  requests(filters: DashboardFilters): Promise<RequestPage> {
    return ok(
      this.api.GET('/api/agent/dashboard/requests', { params: { query: setOnly(filters) } }),
    );
  }

  applications(q: string, cursor?: string): Promise<ApplicationPage> {
    return ok(
      this.api.GET('/api/agent/dashboard/applications', {
        params: { query: setOnly({ q, cursor }) },
      }),
    );
  }
}

/** One application and its requests: detail, new request, preview, review, history. */
@Injectable({ providedIn: 'root' })
export class RequestsApi {
  private readonly api = inject(ApiClient).api;

  application(id: string): Promise<ApplicationDetail> {
    return ok(this.api.GET('/api/agent/applications/{id}', { params: { path: { id } } }));
  }

  audit(applicationId: string): Promise<AuditEntryView[]> {
    return ok(
      this.api.GET('/api/agent/applications/{id}/audit', {
        params: { path: { id: applicationId } },
      }),
    );
  }

  emails(applicationId: string): Promise<EmailDeliveryView[]> {
    return ok(
      this.api.GET('/api/agent/applications/{id}/emails', {
        params: { path: { id: applicationId } },
      }),
    );
  }

  preview(applicationId: string, body: CreateImageRequestBody): Promise<EmailPreview> {
    return ok(
      this.api.POST('/api/agent/applications/{id}/email-preview', {
        params: { path: { id: applicationId } },
        body,
      }),
    );
  }

  create(applicationId: string, body: CreateImageRequestBody): Promise<ImageRequestView> {
    return ok(
      this.api.POST('/api/agent/applications/{id}/requests', {
        params: { path: { id: applicationId } },
        body,
      }),
    );
  }

  request(id: string): Promise<ReviewableRequest> {
    return ok(this.api.GET('/api/agent/requests/{id}', { params: { path: { id } } }));
  }

  /** The rejection email these decisions would send (nothing is recorded). */
  reviewEmailPreview(id: string, body: ReviewRequestBody): Promise<EmailPreview> {
    return ok(
      this.api.POST('/api/agent/requests/{id}/review-email-preview', {
        params: { path: { id } },
        body,
      }),
    );
  }

  review(id: string, body: ReviewRequestBody): Promise<ReviewResult> {
    return ok(this.api.POST('/api/agent/requests/{id}/review', { params: { path: { id } }, body }));
  }
}

/** Where the browser loads a submitted image (the API checks the préfecture). */
export const imageUrl = (requestId: string, piece: 'PHOTO' | 'SIGNATURE') =>
  `/api/agent/requests/${encodeURIComponent(requestId)}/images/${piece === 'PHOTO' ? 'photo' : 'signature'}`;
