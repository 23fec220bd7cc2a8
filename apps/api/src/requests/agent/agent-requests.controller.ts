import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateImageRequestBody,
  ReviewRequestBody,
  type EmailPreview,
  type AuditEntryView,
  type ImageRequestView,
  type ReviewableRequest,
  type ReviewResult,
} from '@t3p/contracts';
import type { FastifyReply } from 'fastify';
import { AgentOnly, CurrentPrincipal, Principal } from '../../auth/access.decorators';
import { AgentRequestsService } from './agent-requests.service';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { pieceOfPath } from '../piece-param';

const agentOf = (principal: Principal) => ({ agentId: principal.subjectId, prefectureId: principal.prefectureId ?? '' });
const uuid = () => new ParseUUIDPipe({ version: '4' });

/**
 * The back-office: every read and write is scoped to the agent's préfecture (any other → 404).
 * The list of requests is the dashboard's (`GET /api/agent/dashboard/requests`, AgentBackofficeController).
 */
@ApiTags('préfecture')
@Controller('agent')
export class AgentRequestsController {
  constructor(
    private readonly requests: AgentRequestsService,
    private readonly lifecycle: LifecycleService,
  ) {}

  @Post('applications/:id/requests')
  @AgentOnly()
  @ApiOperation({ summary: 'Demande de nouvelles images pour une demande de carte (409 si une demande est déjà en cours)' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) applicationId: string,
    @Body() body: CreateImageRequestBody,
  ): Promise<ImageRequestView> {
    return this.lifecycle.createRequest(agentOf(principal), applicationId, body);
  }

  @Get('applications/:id/audit')
  @AgentOnly()
  @ApiOperation({ summary: 'L’historique d’une demande de carte : qui, quand, de quel état à quel état, pourquoi' })
  audit(@CurrentPrincipal() principal: Principal, @Param('id', uuid()) applicationId: string): Promise<AuditEntryView[]> {
    return this.requests.audit(agentOf(principal).prefectureId, applicationId);
  }

  @Get('requests/:id')
  @AgentOnly()
  @ApiOperation({ summary: 'Une demande d’images, son chauffeur et ses images envoyées' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', uuid()) requestId: string): Promise<ReviewableRequest> {
    return this.requests.get(agentOf(principal).prefectureId, requestId);
  }

  @Get('requests/:id/images/:piece')
  @AgentOnly()
  @ApiOperation({ summary: 'Une image envoyée (photo ou signature), pour l’examiner' })
  async image(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) requestId: string,
    @Param('piece') piece: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const shown = await this.requests.image(agentOf(principal).prefectureId, requestId, pieceOfPath(piece));
    void reply.header('content-type', shown.contentType).header('cache-control', 'private, no-store');
    return shown.bytes;
  }

  @Post('requests/:id/review')
  @AgentOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Examen image par image : toutes validées → demande validée ; une refusée → nouvelle demande' })
  review(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) requestId: string,
    @Body() body: ReviewRequestBody,
  ): Promise<ReviewResult> {
    return this.lifecycle.review(agentOf(principal), requestId, body);
  }

  @Post('requests/:id/review-email-preview')
  @AgentOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Aperçu du courriel de refus (avec la nouvelle demande) que ces décisions enverraient au chauffeur (rien n’est enregistré ni envoyé)' })
  reviewEmailPreview(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) requestId: string,
    @Body() body: ReviewRequestBody,
  ): Promise<EmailPreview> {
    return this.lifecycle.reviewEmailPreview(agentOf(principal), requestId, body);
  }
}
