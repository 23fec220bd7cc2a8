import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AgentSignInLinkRequest,
  DriverSignInLinkRequest,
  SignInRequest,
  type Me,
  type SignInLinkSent,
  type SignInResult,
} from '@t3p/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
    if (error instanceof RateLimitedException) void reply.header('retry-after', String(error.retryAfterSeconds));
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
  @ApiOperation({ summary: 'Chauffeur : envoie un lien de connexion à l’adresse connue de la demande' })
  sendDriverLink(
    @Body() body: DriverSignInLinkRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInLinkSent> {
    return withRetryAfter(reply, () => this.signIn.requestDriverLink(body.reference, clientAddressOf(request)));
  }

  @Post('auth/agent/sign-in-links')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Agent : envoie un lien de connexion si l’adresse est celle d’un agent' })
  sendAgentLink(
    @Body() body: AgentSignInLinkRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInLinkSent> {
    return withRetryAfter(reply, () => this.signIn.requestAgentLink(body.email, clientAddressOf(request)));
  }

  @Post('auth/sign-in')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Ouvre une session avec le lien reçu par courriel (usage unique)' })
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
  @ApiOperation({ summary: 'Ferme la session (révoquée sur le serveur)' })
  async signOut(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.revoke(principal.sessionId);
    this.sessions.clearCookie(reply);
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'La personne connectée : rôle, nom, préfecture ou type de carte' })
  me(@CurrentPrincipal() principal: Principal): Me {
    return this.principals.me(principal);
  }
}
