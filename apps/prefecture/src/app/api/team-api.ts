import { inject, Injectable } from '@angular/core';
import { ok, type InviteAgentBody, type TeamActivityEntry, type TeamMember } from '@t3p/api-client';
import { ApiClient } from '@t3p/ui';

/** A responsable's team: agents, invitation, deactivation, who did what. */
@Injectable({ providedIn: 'root' })
export class TeamApi {
  private readonly api = inject(ApiClient).api;

  members(): Promise<TeamMember[]> {
    return ok(this.api.GET('/api/agent/team'));
  }

  activity(): Promise<TeamActivityEntry[]> {
    return ok(this.api.GET('/api/agent/team/activity'));
  }

  invite(body: InviteAgentBody): Promise<TeamMember> {
    return ok(this.api.POST('/api/agent/team/invitations', { body }));
  }

  deactivate(agentId: string): Promise<TeamMember> {
    return ok(
      this.api.POST('/api/agent/team/{id}/deactivation', { params: { path: { id: agentId } } }),
    );
  }
}
