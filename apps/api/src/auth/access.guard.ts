import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC } from '../common/public.decorator';
import { ApiException } from '../common/errors/api-exception';
import { HttpStatus } from '@nestjs/common';

/**
 * Global guard: closed by default. An endpoint is reachable only if it is marked @Public()
 * or a role guard of the Auth module lets the caller in (sessions come with the sign-in feature).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    throw new ApiException(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', 'Vous devez vous connecter pour continuer.');
  }
}
