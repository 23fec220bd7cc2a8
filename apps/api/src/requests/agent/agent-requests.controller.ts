import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  CreateImageRequestBody,
  ReviewRequestBody,
  AuditEntryView,
  EmailPreview,
  ImageRequestView,
  ReviewableRequest,
  ReviewResult,
} from '@t3p/contracts';
import type { FastifyReply } from 'fastify';
import { AgentOnly, CurrentPrincipal, Principal } from '../../auth/access.decorators';
import {
  ApiErrors,
  Operation,
  PieceParam,
  UuidParam,
  VALIDATION,
} from '../../common/openapi.decorators';
import { AgentRequestsService } from './agent-requests.service';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { pieceOfPath } from '../piece-param';

const agentOf = (principal: Principal) => ({
  agentId: principal.subjectId,
  prefectureId: principal.prefectureId ?? '',
});
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
  @Operation(
    'Demande de nouvelles images pour une demande de carte (409 si une demande est déjà en cours)',
    'Asks the driver for new images for a card application (409 when a request is already open); the request email is queued.',
  )
  @UuidParam('id', 'La demande de carte.')
  @ApiCreatedResponse({
    type: ImageRequestView,
    example: {
      id: '0b6d9f2e-4c1a-4e8b-9f3d-2a7c5e1b8d40',
      applicationId: '6f1c2a0e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
      state: 'PENDING',
      cardType: 'VTC',
      pieces: ['PHOTO'],
      reasonCode: 'PHOTO_BLURRY',
      reason: 'La photo d’identité est floue.',
      createdAt: '2026-11-02T09:30:00.000Z',
      remindedAt: null,
      submittedAt: null,
      decidedAt: null,
      cancelledAt: null,
      deadline: '2026-11-16T09:30:00.000Z',
      previousRequestId: null,
    },
  })
  @ApiErrors({
    400: VALIDATION,
    404: ['NOT_FOUND'],
    409: ['REQUEST_ALREADY_OPEN', 'APPLICATION_CLOSED'],
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) applicationId: string,
    @Body() body: CreateImageRequestBody,
  ): Promise<ImageRequestView> {
    return this.lifecycle.createRequest(agentOf(principal), applicationId, body);
  }

  @Get('applications/:id/audit')
  @AgentOnly()
  @Operation(
    'L’historique d’une demande de carte : qui, quand, de quel état à quel état, pourquoi',
    'The history of a card application: who, when, from which state to which, why.',
  )
  @UuidParam('id', 'La demande de carte.')
  @ApiOkResponse({ type: [AuditEntryView] })
  @ApiErrors({ 400: ['BAD_REQUEST'], 404: ['NOT_FOUND'] })
  audit(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) applicationId: string,
  ): Promise<AuditEntryView[]> {
    return this.requests.audit(agentOf(principal).prefectureId, applicationId);
  }

  @Get('requests/:id')
  @AgentOnly()
  @Operation(
    'Une demande d’images, son chauffeur et ses images envoyées',
    'One image request, its driver and its submitted images.',
  )
  @UuidParam('id', 'La demande d’images.')
  @ApiOkResponse({ type: ReviewableRequest })
  @ApiErrors({ 400: ['BAD_REQUEST'], 404: ['NOT_FOUND'] })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) requestId: string,
  ): Promise<ReviewableRequest> {
    return this.requests.get(agentOf(principal).prefectureId, requestId);
  }

  @Get('requests/:id/images/:piece')
  @AgentOnly()
  @Operation(
    'Une image envoyée (photo ou signature), pour l’examiner',
    'One submitted image (photo or signature), to review it.',
  )
  @UuidParam('id', 'La demande d’images.')
  @PieceParam()
  @ApiProduces('image/jpeg', 'application/pdf')
  @ApiOkResponse({
    description: 'Les octets de l’image (jamais mis en cache)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiErrors({ 400: ['BAD_REQUEST'], 404: ['NOT_FOUND'] })
  async image(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) requestId: string,
    @Param('piece') piece: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const shown = await this.requests.image(
      agentOf(principal).prefectureId,
      requestId,
      pieceOfPath(piece),
    );
    void reply
      .header('content-type', shown.contentType)
      .header('cache-control', 'private, no-store');
    return shown.bytes;
  }

  @Post('requests/:id/review')
  @AgentOnly()
  @HttpCode(200)
  @Operation(
    'Examen image par image : toutes validées → demande validée ; une refusée → nouvelle demande',
    'Image-by-image review: all validated → request validated; one rejected → a follow-up request is opened.',
  )
  @UuidParam('id', 'La demande d’images.')
  @ApiOkResponse({ type: ReviewResult })
  @ApiErrors({
    400: VALIDATION,
    404: ['NOT_FOUND'],
    409: ['STATE_CONFLICT', 'SUBMITTED_IMAGES_MISSING', 'REQUEST_ALREADY_OPEN'],
    422: ['DECISIONS_INCOMPLETE'],
  })
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
  @Operation(
    'Aperçu du courriel de refus (avec la nouvelle demande) que ces décisions enverraient au chauffeur (rien n’est enregistré ni envoyé)',
    'Preview of the rejection email (with the follow-up request) these decisions would send (nothing is recorded or sent).',
  )
  @UuidParam('id', 'La demande d’images.')
  @ApiOkResponse({ type: EmailPreview })
  @ApiErrors({
    400: VALIDATION,
    404: ['NOT_FOUND'],
    422: ['DECISIONS_INCOMPLETE', 'NOTHING_REJECTED'],
  })
  reviewEmailPreview(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) requestId: string,
    @Body() body: ReviewRequestBody,
  ): Promise<EmailPreview> {
    return this.lifecycle.reviewEmailPreview(agentOf(principal), requestId, body);
  }
}
