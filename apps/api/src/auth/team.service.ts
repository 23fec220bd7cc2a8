import { HttpStatus, Injectable } from '@nestjs/common';
import type { InviteAgentBody, TeamActivityEntry, TeamMember } from '@t3p/contracts';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { ApiException } from '../common/errors/api-exception';
import { AgentEntity } from '../database/entities';
import { AgentRequestsService } from '../requests/agent/agent-requests.service';
import { isUniqueViolation } from '../database/raw-rows';
import type { Principal } from './access.decorators';
import { AuthRepository } from './auth.repository';
import { SignInService } from './sign-in.service';

const ACTIVITY = 100;
const NOT_FOUND = 'Cet agent est introuvable dans votre préfecture.';

const toMember = (agent: AgentEntity): TeamMember => ({
  id: agent.id,
  email: agent.email,
  firstName: agent.firstName,
  lastName: agent.lastName,
  role: agent.role,
  active: agent.active,
  createdAt: agent.createdAt.toISOString(),
});

/**
 * A responsable's management of their préfecture's team: the agents, an invitation (a new agent
 * and their sign-in link), a deactivation (sessions ended and links voided at once), and who did
 * what. Everything is scoped to the responsable's préfecture (another one's agent is a 404) and
 * every change is audited in the same transaction.
 */
@Injectable()
export class TeamService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly signIn: SignInService,
    private readonly requests: AgentRequestsService,
    private readonly clock: Clock,
  ) {}

  async members(principal: Principal): Promise<TeamMember[]> {
    return (await this.repository.agentsOf(principal.prefectureId ?? '')).map(toMember);
  }

  async invite(principal: Principal, body: InviteAgentBody): Promise<TeamMember> {
    const prefectureId = principal.prefectureId ?? '';
    const email = body.email.trim().toLowerCase();
    const taken = () =>
      new ApiException(
        HttpStatus.CONFLICT,
        'AGENT_EXISTS',
        `Un agent existe déjà avec l’adresse ${email} : il peut demander un lien de connexion.`,
      );
    if (await this.repository.agentEmailTaken(email)) throw taken();
    const now = this.clock.now();
    const agent: AgentEntity = {
      id: randomUUID(),
      prefectureId,
      email,
      firstName: body.firstName.trim(),
      lastName: body.lastName.trim(),
      active: true,
      role: 'AGENT',
      createdAt: now,
    };
    try {
      await this.signIn.inviteAgent(agent, async (manager) => {
        await this.repository.insertAgent(manager, agent);
        await this.repository.insertTeamAudit(manager, {
          prefectureId,
          actorAgentId: principal.subjectId,
          targetAgentId: agent.id,
          action: 'AGENT_INVITED',
          at: now,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
    return toMember(agent);
  }

  async deactivate(principal: Principal, agentId: string): Promise<TeamMember> {
    const prefectureId = principal.prefectureId ?? '';
    const agent = await this.repository.agentOfPrefecture(prefectureId, agentId);
    if (!agent) throw ApiException.notFound(NOT_FOUND);
    if (agent.id === principal.subjectId) {
      throw new ApiException(
        HttpStatus.CONFLICT,
        'SELF_DEACTIVATION',
        'Vous ne pouvez pas désactiver votre propre compte.',
      );
    }
    const now = this.clock.now();
    const done = await this.repository.inTransaction(async (manager) => {
      if (!(await this.repository.deactivateAgent(manager, prefectureId, agentId))) return false;
      await this.repository.endAccessOf(manager, agentId, now);
      await this.repository.insertTeamAudit(manager, {
        prefectureId,
        actorAgentId: principal.subjectId,
        targetAgentId: agentId,
        action: 'AGENT_DEACTIVATED',
        at: now,
      });
      return true;
    });
    if (!done)
      throw new ApiException(
        HttpStatus.CONFLICT,
        'ALREADY_INACTIVE',
        'Cet agent est déjà désactivé.',
      );
    return toMember({ ...agent, active: false });
  }

  /** The latest team actions and actions on requests, merged newest first. */
  async activity(principal: Principal): Promise<TeamActivityEntry[]> {
    const prefectureId = principal.prefectureId ?? '';
    const [agents, team, actions] = await Promise.all([
      this.repository.agentsOf(prefectureId),
      this.repository.teamAudit(prefectureId, ACTIVITY),
      this.requests.agentActions(prefectureId, ACTIVITY),
    ]);
    const nameOf = (id: string | null) => {
      const agent = agents.find((candidate) => candidate.id === id);
      return agent ? { firstName: agent.firstName, lastName: agent.lastName } : null;
    };
    const entries: TeamActivityEntry[] = [
      ...team.map((entry) => {
        const target = nameOf(entry.targetAgentId);
        return {
          at: entry.at.toISOString(),
          actor: nameOf(entry.actorAgentId),
          action: entry.action,
          subject: target ? `${target.firstName} ${target.lastName}` : '—',
          applicationId: null,
        };
      }),
      ...actions.map((entry) => ({
        at: entry.at.toISOString(),
        actor: nameOf(entry.actorId),
        action: entry.action,
        subject: `${entry.firstName} ${entry.lastName}`,
        applicationId: entry.applicationId,
      })),
    ];
    // ISO 8601 instants in UTC sort as text.
    return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, ACTIVITY);
  }
}
