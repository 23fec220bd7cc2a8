import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ApiErrorBody } from '@t3p/contracts';
import type { TeamActivityEntry, TeamMember } from '@t3p/api-client';
import { apiErrorOf } from '@t3p/ui';
import { AgentSession } from '../../api/agent-session';
import { TeamApi } from '../../api/team-api';
import { frDateTime } from '../../labels';

const ACTION_LABELS: Record<string, string> = {
  AGENT_INVITED: 'a invité',
  AGENT_DEACTIVATED: 'a désactivé',
  REQUEST_CREATED: 'a demandé des images à',
  REQUEST_VALIDATED: 'a validé les images de',
  REQUEST_REJECTED: 'a refusé des images de',
};

/** A responsable's page: the préfecture's agents, an invitation form, deactivation, who did what. */
@Component({
  selector: 'app-team-page',
  imports: [RouterLink],
  templateUrl: './team.html',
  // Long addresses wrap rather than widen the page at 360 px; one line between agents.
  styles: [
    '.team-email { overflow-wrap: anywhere; } .team-member + .team-member { border-top: 1px solid var(--border-default-grey); }',
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamPage implements OnInit {
  private readonly api = inject(TeamApi);
  protected readonly session = inject(AgentSession);
  protected readonly frDateTime = frDateTime;

  protected readonly members = signal<TeamMember[]>([]);
  protected readonly activity = signal<TeamActivityEntry[]>([]);
  protected readonly error = signal<ApiErrorBody | null>(null);
  protected readonly inviteError = signal<ApiErrorBody | null>(null);
  protected readonly status = signal('');
  protected readonly busy = signal(false);

  ngOnInit(): void {
    void this.reload();
  }

  protected actionLabel(action: string): string {
    return ACTION_LABELS[action] ?? action.toLowerCase().replace(/_/g, ' ');
  }

  protected async invite(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    this.busy.set(true);
    this.inviteError.set(null);
    try {
      const member = await this.api.invite({
        email: text('email'),
        firstName: text('firstName'),
        lastName: text('lastName'),
      });
      form.reset();
      this.status.set(
        `${member.firstName} ${member.lastName} est invité·e : un lien de connexion vient de partir vers ${member.email}.`,
      );
      await this.reload();
    } catch (error) {
      this.inviteError.set(apiErrorOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async deactivate(member: TeamMember): Promise<void> {
    if (
      !window.confirm(
        `Désactiver le compte de ${member.firstName} ${member.lastName} ? Ses sessions prendront fin aussitôt.`,
      )
    )
      return;
    this.busy.set(true);
    try {
      await this.api.deactivate(member.id);
      this.status.set(
        `Le compte de ${member.firstName} ${member.lastName} est désactivé : il ne peut plus se connecter.`,
      );
      await this.reload();
    } catch (error) {
      this.error.set(apiErrorOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  private async reload(): Promise<void> {
    try {
      const [members, activity] = await Promise.all([this.api.members(), this.api.activity()]);
      this.members.set(members);
      this.activity.set(activity);
    } catch (error) {
      this.error.set(apiErrorOf(error));
    }
  }
}
