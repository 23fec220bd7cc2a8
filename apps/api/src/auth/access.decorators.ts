import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  HttpStatus,
  SetMetadata,
} from '@nestjs/common';
import { ApiCookieAuth } from '@nestjs/swagger';
import type { AgentRole, SubjectType } from '@t3p/contracts';
import type { FastifyRequest } from 'fastify';
import { ApiException } from '../common/errors/api-exception';
import type { ImageRequestEntity } from '../database/entities';
import type { SubjectFacts } from './auth.repository';
import { SESSION_SECURITY } from '../common/openapi.decorators';

export { Public } from '../common/public.decorator';

/** Who may call an endpoint. Every non-public endpoint must declare one (a test walks the routes). */
export const ACCESS_RULE = 't3p:access';
export type AccessRule = 'DRIVER' | 'AGENT' | 'RESPONSABLE' | 'SIGNED_IN';

/** The rule, and the session it needs in the OpenAPI document (the CSRF header is added there for writes). */
const access = (rule: AccessRule) =>
  applyDecorators(SetMetadata(ACCESS_RULE, rule), ApiCookieAuth(SESSION_SECURITY));

/** Only a signed-in driver; services then scope every read to that driver. */
export const DriverOnly = () => access('DRIVER');
/** Only a signed-in agent; services then scope every read to the agent's préfecture. */
export const AgentOnly = () => access('AGENT');
/** Only a signed-in agent whose role is RESPONSABLE; services scope every read and write to their préfecture. */
export const ResponsableOnly = () => access('RESPONSABLE');
/** Anyone signed in, driver or agent. */
export const SignedIn = () => access('SIGNED_IN');

/**
 * The signed-in caller, as checked against the session table on this request, with what the
 * guard read in the same round trip: handlers and services take it from here, never again from
 * the database.
 */
export interface Principal {
  sessionId: string;
  role: SubjectType;
  /** Driver id or agent id. */
  subjectId: string;
  /** Agents only. */
  prefectureId?: string;
  /** Agents only. */
  agentRole?: AgentRole;
  csrfToken: string;
  /** Names, and the agent's préfecture or the driver's card type (for /api/me). */
  identity: SubjectFacts;
  /**
   * Drivers only: their current request as of this request's start (the open one, else the
   * latest), null when they have none. A write that depends on its state re-checks it in its
   * own statement.
   */
  driverRequest?: ImageRequestEntity | null;
}

export type RequestWithPrincipal = FastifyRequest & { principal?: Principal };

/** The Principal of the request; only on endpoints that require one. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
    if (!principal)
      throw new ApiException(
        HttpStatus.UNAUTHORIZED,
        'UNAUTHENTICATED',
        'Vous devez vous connecter pour continuer.',
      );
    return principal;
  },
);
