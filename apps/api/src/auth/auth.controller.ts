import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AgentSignInLinkRequest,
  DriverSignInLinkRequest,
  Me,
  SIGN_IN_LINK_PROBLEMS,
  SignInLinkSent,
  SignInRequest,
  SignInResult,
} from '@t3p/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors, Operation, VALIDATION } from '../common/openapi.decorators';
import { CurrentPrincipal, Principal, Public, SignedIn } from './access.decorators';
import { clientAddressOf } from './client-address';
import { PrincipalService } from './principal.service';
import { RateLimitedException } from './rate-limit.service';
import { SessionService } from './session.service';
import { SignInService } from './sign-in.service';

/** Copies the wait of a 429 into Retry-After before the error filter writes the body. */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RateLimitedException)
      void reply.header('retry-after', String(error.retryAfterSeconds));
    throw error;
  }
}

@ApiTags('connexion')
@Controller()
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionService,
    private readonly principals: PrincipalService,
  ) {}

  @Post('auth/driver/sign-in-links')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @Operation(
    'Chauffeur : envoie un lien de connexion à l’adresse connue de la demande',
    'Driver: sends a sign-in link to the address known for the request (same answer whether the reference is known or not).',
  )
  @ApiAcceptedResponse({
    type: SignInLinkSent,
    description: 'Même réponse que la référence soit connue ou non',
    example: {
      sentTo: 'j***n@exemple.fr',
      validityMinutes: 30,
      message:
        'Si cette référence correspond à une demande, un lien de connexion vient d’être envoyé.',
    },
  })
  @ApiErrors({
    400: VALIDATION,
    415: ['UNSUPPORTED_MEDIA_TYPE'],
    429: ['TOO_MANY_REQUESTS'],
    503: ['DATABASE_UNAVAILABLE'],
  })
  sendDriverLink(
    @Body() body: DriverSignInLinkRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInLinkSent> {
    return withRetryAfter(reply, () =>
      this.signIn.requestDriverLink(body.reference, clientAddressOf(request)),
    );
  }

  @Post('auth/agent/sign-in-links')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @Operation(
    'Agent : envoie un lien de connexion si l’adresse est celle d’un agent',
    'Agent: sends a sign-in link if the address is an agent’s (same answer otherwise).',
  )
  @ApiAcceptedResponse({
    type: SignInLinkSent,
    description: 'Même réponse que l’adresse soit connue ou non',
  })
  @ApiErrors({
    400: VALIDATION,
    415: ['UNSUPPORTED_MEDIA_TYPE'],
    429: ['TOO_MANY_REQUESTS'],
    503: ['DATABASE_UNAVAILABLE'],
  })
  sendAgentLink(
    @Body() body: AgentSignInLinkRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInLinkSent> {
    return withRetryAfter(reply, () =>
      this.signIn.requestAgentLink(body.email, clientAddressOf(request)),
    );
  }

  @Post('auth/sign-in')
  @Public()
  @HttpCode(HttpStatus.OK)
  @Operation(
    'Ouvre une session avec le lien reçu par courriel (usage unique)',
    'Opens a session with the emailed link (single use); the session travels in an HttpOnly cookie, the answer carries the CSRF token.',
  )
  @ApiOkResponse({
    type: SignInResult,
    description: 'Session ouverte : le cookie de session est posé (Set-Cookie)',
    example: { role: 'DRIVER', csrfToken: 'k3Jv9x0QpL2mN8bT' },
  })
  @ApiErrors({
    400: ['VALIDATION_FAILED', ...SIGN_IN_LINK_PROBLEMS],
    415: ['UNSUPPORTED_MEDIA_TYPE'],
    503: ['DATABASE_UNAVAILABLE'],
  })
  async signInWithLink(
    @Body() body: SignInRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResult> {
    const signedIn = await this.signIn.consume(body.token);
    const previous = await this.sessions.resolve(request);
    if (previous) await this.sessions.revoke(previous.id);
    const { cookie, session } = await this.sessions.open(signedIn.role, signedIn.subjectId);
    this.sessions.setCookie(reply, cookie);
    return { role: signedIn.role, csrfToken: session.csrfToken };
  }

  @Post('auth/sign-out')
  @SignedIn()
  @HttpCode(HttpStatus.NO_CONTENT)
  @Operation(
    'Ferme la session (révoquée sur le serveur)',
    'Closes the session (revoked on the server).',
  )
  @ApiNoContentResponse({ description: 'Session fermée' })
  async signOut(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.revoke(principal.sessionId);
    this.sessions.clearCookie(reply);
  }

  @Get('me')
  @SignedIn()
  @Operation(
    'La personne connectée : rôle, nom, préfecture ou type de carte',
    'Who is signed in: role, names, préfecture or card type, and the session’s CSRF token.',
  )
  @ApiOkResponse({
    type: Me,
    example: {
      role: 'AGENT',
      firstName: 'Camille',
      lastName: 'Martin',
      csrfToken: 'k3Jv9x0QpL2mN8bT',
      prefecture: { name: 'Préfecture de police de Paris', departement: '75' },
      agentRole: 'AGENT',
    },
  })
  me(@CurrentPrincipal() principal: Principal): Me {
    return this.principals.me(principal);
  }
}
