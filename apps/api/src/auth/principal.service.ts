import { Injectable } from '@nestjs/common';
import type { Me } from '@t3p/contracts';
import { RequestsService } from '../requests/requests.service';
import type { Principal } from './access.decorators';
import { AuthRepository } from './auth.repository';
import type { LiveSession } from './session.service';

/** Who a live session belongs to, checked on every request (a deactivated agent is out at once). */
@Injectable()
export class PrincipalService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly requests: RequestsService,
  ) {}

  async principalOf(session: LiveSession): Promise<Principal | null> {
    const base = { sessionId: session.id, role: session.subjectType, subjectId: session.subjectId, csrfToken: session.csrfToken };
    if (session.subjectType === 'AGENT') {
      const found = await this.repository.findActiveAgent(session.subjectId);
      return found ? { ...base, prefectureId: found.prefecture.id, agentRole: found.agent.role } : null;
    }
    return (await this.requests.findDriverIdentity(session.subjectId)) ? base : null;
  }

  async me(principal: Principal): Promise<Me> {
    if (principal.role === 'AGENT') {
      const found = await this.repository.findActiveAgent(principal.subjectId);
      if (!found) throw new Error('Agent vanished during the request');
      return {
        role: 'AGENT',
        firstName: found.agent.firstName,
        lastName: found.agent.lastName,
        csrfToken: principal.csrfToken,
        prefecture: { name: found.prefecture.name, departement: found.prefecture.departement },
        agentRole: found.agent.role,
      };
    }
    const driver = await this.requests.findDriverIdentity(principal.subjectId);
    if (!driver) throw new Error('Driver vanished during the request');
    return {
      role: 'DRIVER',
      firstName: driver.firstName,
      lastName: driver.lastName,
      csrfToken: principal.csrfToken,
      ...(driver.cardType ? { cardType: driver.cardType } : {}),
    };
  }
}
