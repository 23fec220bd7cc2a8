import { Injectable } from '@nestjs/common';
import type { Me } from '@t3p/contracts';
import type { Principal } from './access.decorators';
import type { ResolvedSession } from './session.service';

/**
 * Who a live session belongs to, checked on every request (a deactivated agent or a purged
 * driver is out at once). Built from the guard's one read of the session and its subject:
 * nothing here, nor downstream, reads them again.
 */
@Injectable()
export class PrincipalService {
  principalOf(session: ResolvedSession): Principal | null {
    const { subject } = session;
    if (!subject) return null;
    const base = {
      sessionId: session.id,
      role: session.subjectType,
      subjectId: session.subjectId,
      csrfToken: session.csrfToken,
    };
    if (session.subjectType === 'AGENT') {
      if (!subject.prefecture) return null;
      return {
        ...base,
        prefectureId: subject.prefecture.id,
        agentRole: subject.agentRole,
        identity: subject,
      };
    }
    return { ...base, identity: subject, driverRequest: subject.request ?? null };
  }

  me(principal: Principal): Me {
    const { identity } = principal;
    if (principal.role === 'AGENT') {
      if (!identity.prefecture) throw new Error('Agent principal without a préfecture');
      return {
        role: 'AGENT',
        firstName: identity.firstName,
        lastName: identity.lastName,
        csrfToken: principal.csrfToken,
        prefecture: {
          name: identity.prefecture.name,
          departement: identity.prefecture.departement,
        },
        agentRole: identity.agentRole ?? 'AGENT',
      };
    }
    return {
      role: 'DRIVER',
      firstName: identity.firstName,
      lastName: identity.lastName,
      csrfToken: principal.csrfToken,
      ...(identity.cardType ? { cardType: identity.cardType } : {}),
    };
  }
}
