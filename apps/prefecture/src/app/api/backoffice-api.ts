import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ApplicationDetail,
  ApplicationPage,
  AuditEntryView,
  CreateImageRequestBody,
  DashboardOverview,
  DashboardSort,
  EmailDeliveryView,
  EmailPreview,
  ImageRequestState,
  ImageRequestView,
  RequestPage,
  ReviewableRequest,
  ReviewRequestBody,
  ReviewResult,
  CardType,
} from '@t3p/contracts';
import { firstValueFrom } from 'rxjs';
import { AgentAuthApi } from './auth-api';

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

const paramsOf = (values: object) =>
  new HttpParams({
    fromObject: Object.fromEntries(
      Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== ''),
    ) as Record<string, string>,
  });

/** The dashboard's reads: counts per state, the request list, the application search. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  overview(): Promise<DashboardOverview> {
    return firstValueFrom(this.http.get<DashboardOverview>('/api/agent/dashboard/overview'));
  }

  requests(filters: DashboardFilters): Promise<RequestPage> {
    return firstValueFrom(this.http.get<RequestPage>('/api/agent/dashboard/requests', { params: paramsOf(filters) }));
  }

  applications(q: string, cursor?: string): Promise<ApplicationPage> {
    return firstValueFrom(this.http.get<ApplicationPage>('/api/agent/dashboard/applications', { params: paramsOf({ q, cursor }) }));
  }
}

/** One application and its requests: detail, new request, preview, review, history. */
@Injectable({ providedIn: 'root' })
export class RequestsApi {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AgentAuthApi);

  application(id: string): Promise<ApplicationDetail> {
    return firstValueFrom(this.http.get<ApplicationDetail>(`/api/agent/applications/${encodeURIComponent(id)}`));
  }

  audit(applicationId: string): Promise<AuditEntryView[]> {
    return firstValueFrom(this.http.get<AuditEntryView[]>(`/api/agent/applications/${encodeURIComponent(applicationId)}/audit`));
  }

  emails(applicationId: string): Promise<EmailDeliveryView[]> {
    return firstValueFrom(this.http.get<EmailDeliveryView[]>(`/api/agent/applications/${encodeURIComponent(applicationId)}/emails`));
  }

  async preview(applicationId: string, body: CreateImageRequestBody): Promise<EmailPreview> {
    const headers = await this.auth.csrfHeaders();
    return firstValueFrom(
      this.http.post<EmailPreview>(`/api/agent/applications/${encodeURIComponent(applicationId)}/email-preview`, body, { headers }),
    );
  }

  async create(applicationId: string, body: CreateImageRequestBody): Promise<ImageRequestView> {
    const headers = await this.auth.csrfHeaders();
    return firstValueFrom(
      this.http.post<ImageRequestView>(`/api/agent/applications/${encodeURIComponent(applicationId)}/requests`, body, { headers }),
    );
  }

  request(id: string): Promise<ReviewableRequest> {
    return firstValueFrom(this.http.get<ReviewableRequest>(`/api/agent/requests/${encodeURIComponent(id)}`));
  }

  /** The rejection email these decisions would send (nothing is recorded). */
  async reviewEmailPreview(id: string, body: ReviewRequestBody): Promise<EmailPreview> {
    const headers = await this.auth.csrfHeaders();
    return firstValueFrom(this.http.post<EmailPreview>(`/api/agent/requests/${encodeURIComponent(id)}/review-email-preview`, body, { headers }));
  }

  async review(id: string, body: ReviewRequestBody): Promise<ReviewResult> {
    const headers = await this.auth.csrfHeaders();
    return firstValueFrom(this.http.post<ReviewResult>(`/api/agent/requests/${encodeURIComponent(id)}/review`, body, { headers }));
  }
}

/** Where the browser loads a submitted image (the API checks the préfecture). */
export const imageUrl = (requestId: string, piece: 'PHOTO' | 'SIGNATURE') =>
  `/api/agent/requests/${encodeURIComponent(requestId)}/images/${piece === 'PHOTO' ? 'photo' : 'signature'}`;
