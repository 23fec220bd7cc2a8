import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import {
  ApplicationSearchQuery,
  CreateImageRequestBody,
  DashboardQuery,
  ApplicationPage,
  DashboardOverview,
  EmailDeliveryView,
  EmailPreview,
  RequestPage,
} from '@t3p/contracts';
import { AgentOnly, CurrentPrincipal, Principal } from '../../auth/access.decorators';
import { ApiErrors, Operation, UuidParam, VALIDATION } from '../../common/openapi.decorators';
import { AgentBackofficeService } from './agent-backoffice.service';

const prefectureOf = (principal: Principal) => principal.prefectureId ?? '';
const uuid = () => new ParseUUIDPipe({ version: '4' });

/** The dashboard's reads; like every agent route, scoped to the agent's préfecture (any other → 404). */
@ApiTags('préfecture')
@Controller('agent')
export class AgentBackofficeController {
  constructor(private readonly backoffice: AgentBackofficeService) {}

  @Get('dashboard/overview')
  @AgentOnly()
  @Operation(
    'Le nombre de demandes d’images de la préfecture dans chaque état',
    'How many image requests of the préfecture are in each state and of each card type.',
  )
  @ApiOkResponse({
    type: DashboardOverview,
    example: {
      prefecture: { name: 'Préfecture de police de Paris', departement: '75' },
      counts: { PENDING: 12, REMINDED: 3, SUBMITTED: 5, VALIDATED: 40, REJECTED: 2, CANCELLED: 1 },
      countsByCardType: { VTC: 40, TAXI: 20, VMDTR: 3 },
      total: 63,
    },
  })
  overview(@CurrentPrincipal() principal: Principal): Promise<DashboardOverview> {
    return this.backoffice.overview(prefectureOf(principal));
  }

  @Get('dashboard/requests')
  @AgentOnly()
  @Operation(
    'Les demandes d’images filtrées, les plus récentes ou les plus anciennes d’abord (pagination par curseur)',
    'The filtered image requests, newest or oldest first (keyset pagination).',
  )
  @ApiOkResponse({ type: RequestPage })
  @ApiErrors({ 400: [...VALIDATION, 'BAD_CURSOR'] })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: DashboardQuery,
  ): Promise<RequestPage> {
    return this.backoffice.list(prefectureOf(principal), query);
  }

  @Get('dashboard/requests.csv')
  @AgentOnly()
  @ApiProduces('text/csv')
  @Operation(
    'La liste filtrée en CSV (UTF-8 avec BOM, séparateur « ; », en-têtes en français), envoyée au fil de la lecture',
    'The filtered list as CSV (UTF-8 with BOM, « ; » separator, French headers), streamed.',
  )
  @ApiOkResponse({
    description: 'Le fichier CSV (pièce jointe demandes-images.csv)',
    schema: { type: 'string' },
  })
  @ApiErrors({ 400: VALIDATION })
  exportCsv(
    @CurrentPrincipal() principal: Principal,
    @Query() query: DashboardQuery,
  ): StreamableFile {
    return new StreamableFile(
      Readable.from(this.backoffice.exportCsv(prefectureOf(principal), query)),
      {
        type: 'text/csv; charset=utf-8',
        disposition: 'attachment; filename="demandes-images.csv"',
      },
    );
  }

  @Get('dashboard/applications')
  @AgentOnly()
  @Operation(
    'Les demandes de carte de la préfecture, avec l’état de leur demande d’images en cours',
    'The préfecture’s card applications, with the state of their open image request (keyset pagination).',
  )
  @ApiOkResponse({ type: ApplicationPage })
  @ApiErrors({ 400: [...VALIDATION, 'BAD_CURSOR'] })
  applications(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ApplicationSearchQuery,
  ): Promise<ApplicationPage> {
    return this.backoffice.applications(prefectureOf(principal), query);
  }

  @Post('applications/:id/email-preview')
  @AgentOnly()
  @HttpCode(200)
  @Operation(
    'Aperçu du courriel « demande d’images » que recevrait le chauffeur (rien n’est créé ni envoyé)',
    'Preview of the image-request email the driver would receive (nothing is created or sent).',
  )
  @UuidParam('id', 'La demande de carte.')
  @ApiOkResponse({ type: EmailPreview })
  @ApiErrors({ 400: VALIDATION, 404: ['NOT_FOUND'] })
  preview(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) applicationId: string,
    @Body() body: CreateImageRequestBody,
  ): Promise<EmailPreview> {
    return this.backoffice.preview(prefectureOf(principal), applicationId, body);
  }

  @Get('applications/:id/emails')
  @AgentOnly()
  @Operation(
    'Les courriels d’une demande de carte et leur état d’envoi',
    'The emails of a card application and their delivery state.',
  )
  @UuidParam('id', 'La demande de carte.')
  @ApiOkResponse({ type: [EmailDeliveryView] })
  @ApiErrors({ 400: ['BAD_REQUEST'], 404: ['NOT_FOUND'] })
  emails(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) applicationId: string,
  ): Promise<EmailDeliveryView[]> {
    return this.backoffice.emails(prefectureOf(principal), applicationId);
  }
}
