import { inject, Injectable } from '@angular/core';
import { ok, type PrefectureStatistics } from '@t3p/api-client';
import { ApiClient } from '@t3p/ui';

/** The statistics panel's one read: the préfecture's figures over a period of Paris days (both included). */
@Injectable({ providedIn: 'root' })
export class StatisticsApi {
  private readonly api = inject(ApiClient).api;

  statistics(from: string, to: string): Promise<PrefectureStatistics> {
    return ok(this.api.GET('/api/agent/dashboard/statistics', { params: { query: { from, to } } }));
  }
}
