import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER } from '@t3p/contracts';
import { ApiException } from '../common/errors/api-exception';
import { IS_PUBLIC } from '../common/public.decorator';
import { ACCESS_RULE, AccessRule, RequestWithPrincipal } from './access.decorators';
import { PrincipalService } from './principal.service';
import { sameSecret } from './secrets';
import { SessionService } from './session.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * Bodies a public endpoint may receive. JSON needs a CORS preflight from another site; multipart
 * is for the stateless image check only (the sign-in endpoints read JSON bodies, so a cross-site
 * multipart form cannot reach them with a usable body). Forms and text/plain are refused.
 */
const PUBLIC_BODY_TYPES = /^\s*(application\/json|multipart\/form-data)\b/i;

/**
 * Global guard, closed by default. An endpoint is reachable only when it declares who may call
 * it: @Public(), @DriverOnly(), @AgentOnly(), @ResponsableOnly() or @SignedIn(). For the others it checks the session
 * against the database, the role, and on every state-changing request the CSRF token bound to
 * the session (header X-CSRF-Token). Public state-changing endpoints accept JSON (which a
 * cross-site form cannot send without a CORS preflight, and CORS is closed) or multipart.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly principals: PrincipalService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const stateChanging = !SAFE_METHODS.has(request.method);

    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      if (stateChanging && !PUBLIC_BODY_TYPES.test(String(request.headers['content-type'] ?? ''))) {
        throw new ApiException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          'UNSUPPORTED_MEDIA_TYPE',
          'Le type de contenu envoyé n’est pas accepté.',
        );
      }
      return true;
    }

    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    if (!rule)
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'Cette action ne vous est pas permise.',
      );

    const session = await this.sessions.resolve(request);
    const principal = session ? this.principals.principalOf(session) : null;
    if (!session || !principal) {
      if (session) await this.sessions.revoke(session.id);
      throw new ApiException(
        HttpStatus.UNAUTHORIZED,
        'UNAUTHENTICATED',
        'Vous devez vous connecter pour continuer.',
      );
    }
    const role = rule === 'RESPONSABLE' ? 'AGENT' : rule;
    if (role !== 'SIGNED_IN' && role !== principal.role) {
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        role === 'AGENT'
          ? 'Cet espace est réservé aux agents de préfecture.'
          : 'Cet espace est réservé aux chauffeurs.',
      );
    }
    if (rule === 'RESPONSABLE' && principal.agentRole !== 'RESPONSABLE') {
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'La gestion de l’équipe est réservée aux responsables de la préfecture.',
      );
    }
    if (stateChanging) {
      const header = request.headers[CSRF_HEADER];
      if (!sameSecret(typeof header === 'string' ? header : undefined, principal.csrfToken)) {
        throw new ApiException(
          HttpStatus.FORBIDDEN,
          'CSRF_INVALID',
          'Votre demande n’a pas pu être vérifiée. Rechargez la page puis recommencez.',
        );
      }
    }
    request.principal = principal;
    return true;
  }
}
