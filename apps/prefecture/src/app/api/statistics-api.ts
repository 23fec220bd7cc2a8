import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { PrefectureStatistics } from '@t3p/contracts';
import { firstValueFrom } from 'rxjs';

/** The statistics panel's one read: the préfecture's figures over a period of Paris days (both included). */
@Injectable({ providedIn: 'root' })
export class StatisticsApi {
  private readonly http = inject(HttpClient);

  statistics(from: string, to: string): Promise<PrefectureStatistics> {
    return firstValueFrom(
      this.http.get<PrefectureStatistics>('/api/agent/dashboard/statistics', {
        params: new HttpParams({ fromObject: { from, to } }),
      }),
    );
  }
}
