import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DevMailboxEmail, DevMailboxQuery, DevMailboxSummary } from '@t3p/contracts';
import { ApiErrors, Operation, UuidParam, VALIDATION } from '../common/openapi.decorators';
import { Public } from '../common/public.decorator';
import { DevMailboxService } from './dev-mailbox.service';
import { FRAME_FIT_SCRIPT, renderMailboxEmail, renderMailboxList } from './dev-mailbox.page';

/**
 * The development mailbox. Registered only when NODE_ENV is not production (see NotificationsModule).
 * It is public on purpose: it only exists on a developer's or a demo machine.
 */
@ApiTags('boîte de développement')
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(private readonly mailbox: DevMailboxService) {}

  @Get()
  @Public()
  @Operation(
    'Derniers courriels écrits dans la file d’envoi (hors production)',
    'Latest emails written to the outbox, newest first (not in production).',
  )
  @ApiOkResponse({ type: [DevMailboxSummary] })
  @ApiErrors({ 400: VALIDATION })
  list(@Query() query: DevMailboxQuery): Promise<DevMailboxSummary[]> {
    return this.mailbox.list(query.limit ?? 50);
  }

  @Get('page')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Operation('La boîte de développement, en page HTML', 'The development mailbox as an HTML page.')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'La page HTML', schema: { type: 'string' } })
  @ApiErrors({ 400: VALIDATION })
  async page(@Query() query: DevMailboxQuery): Promise<string> {
    return renderMailboxList(await this.mailbox.list(query.limit ?? 50));
  }

  @Get('frame.js')
  @Public()
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Operation(
    'Le script qui ajuste le cadre d’un courriel à sa hauteur (pages de la boîte de développement)',
    'The script that fits an email’s frame to its height (development mailbox pages).',
  )
  @ApiProduces('text/javascript')
  @ApiOkResponse({ description: 'Le script', schema: { type: 'string' } })
  frameScript(): string {
    return FRAME_FIT_SCRIPT;
  }

  @Get(':id/page')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Operation(
    'Un courriel de la boîte de développement, en page HTML',
    'One email of the development mailbox as an HTML page.',
  )
  @UuidParam('id', 'Le courriel.')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'La page HTML', schema: { type: 'string' } })
  @ApiErrors({ 400: ['BAD_REQUEST'], 404: ['NOT_FOUND'] })
  async emailPage(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<string> {
    return renderMailboxEmail(await this.mailbox.get(id));
  }

  @Get(':id')
  @Public()
  @Operation(
    'Un courriel de la boîte de développement',
    'One email of the development mailbox, with its HTML and text bodies.',
  )
  @UuidParam('id', 'Le courriel.')
  @ApiOkResponse({ type: DevMailboxEmail })
  @ApiErrors({ 400: ['BAD_REQUEST'], 404: ['NOT_FOUND'] })
  get(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<DevMailboxEmail> {
    return this.mailbox.get(id);
  }
}
