import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { InviteAgentBody, TeamActivityEntry, TeamMember } from '@t3p/contracts';
import { firstValueFrom } from 'rxjs';
import { AgentAuthApi } from './auth-api';

/** A responsable's team: agents, invitation, deactivation, who did what. */
@Injectable({ providedIn: 'root' })
export class TeamApi {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AgentAuthApi);

  members(): Promise<TeamMember[]> {
    return firstValueFrom(this.http.get<TeamMember[]>('/api/agent/team'));
  }

  activity(): Promise<TeamActivityEntry[]> {
    return firstValueFrom(this.http.get<TeamActivityEntry[]>('/api/agent/team/activity'));
  }

  async invite(body: InviteAgentBody): Promise<TeamMember> {
    const headers = await this.auth.csrfHeaders();
    return firstValueFrom(this.http.post<TeamMember>('/api/agent/team/invitations', body, { headers }));
  }

  async deactivate(agentId: string): Promise<TeamMember> {
    const headers = await this.auth.csrfHeaders();
    return firstValueFrom(this.http.post<TeamMember>(`/api/agent/team/${encodeURIComponent(agentId)}/deactivation`, {}, { headers }));
  }
}
