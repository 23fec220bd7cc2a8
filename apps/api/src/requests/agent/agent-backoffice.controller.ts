import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import {
  ApplicationSearchQuery,
  CreateImageRequestBody,
  DashboardQuery,
  type ApplicationPage,
  type DashboardOverview,
  type EmailDeliveryView,
  type EmailPreview,
  type RequestPage,
} from '@t3p/contracts';
import { AgentOnly, CurrentPrincipal, Principal } from '../../auth/access.decorators';
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
  @ApiOperation({ summary: 'Le nombre de demandes d’images de la préfecture dans chaque état' })
  overview(@CurrentPrincipal() principal: Principal): Promise<DashboardOverview> {
    return this.backoffice.overview(prefectureOf(principal));
  }

  @Get('dashboard/requests')
  @AgentOnly()
  @ApiOperation({ summary: 'Les demandes d’images filtrées, les plus récentes ou les plus anciennes d’abord (pagination par curseur)' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: DashboardQuery): Promise<RequestPage> {
    return this.backoffice.list(prefectureOf(principal), query);
  }

  @Get('dashboard/requests.csv')
  @AgentOnly()
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'La liste filtrée en CSV (UTF-8 avec BOM, séparateur « ; », en-têtes en français), envoyée au fil de la lecture' })
  exportCsv(@CurrentPrincipal() principal: Principal, @Query() query: DashboardQuery): StreamableFile {
    return new StreamableFile(Readable.from(this.backoffice.exportCsv(prefectureOf(principal), query)), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="demandes-images.csv"',
    });
  }

  @Get('dashboard/applications')
  @AgentOnly()
  @ApiOperation({ summary: 'Les demandes de carte de la préfecture, avec l’état de leur demande d’images en cours' })
  applications(@CurrentPrincipal() principal: Principal, @Query() query: ApplicationSearchQuery): Promise<ApplicationPage> {
    return this.backoffice.applications(prefectureOf(principal), query);
  }

  @Post('applications/:id/email-preview')
  @AgentOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Aperçu du courriel « demande d’images » que recevrait le chauffeur (rien n’est créé ni envoyé)' })
  preview(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) applicationId: string,
    @Body() body: CreateImageRequestBody,
  ): Promise<EmailPreview> {
    return this.backoffice.preview(prefectureOf(principal), applicationId, body);
  }

  @Get('applications/:id/emails')
  @AgentOnly()
  @ApiOperation({ summary: 'Les courriels d’une demande de carte et leur état d’envoi' })
  emails(@CurrentPrincipal() principal: Principal, @Param('id', uuid()) applicationId: string): Promise<EmailDeliveryView[]> {
    return this.backoffice.emails(prefectureOf(principal), applicationId);
  }
}
