import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DevMailboxQuery, type DevMailboxEmail, type DevMailboxSummary } from '@t3p/contracts';
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
  @ApiOperation({ summary: 'Derniers courriels écrits dans la file d’envoi (hors production)' })
  list(@Query() query: DevMailboxQuery): Promise<DevMailboxSummary[]> {
    return this.mailbox.list(query.limit ?? 50);
  }

  @Get('page')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'La boîte de développement, en page HTML' })
  async page(@Query() query: DevMailboxQuery): Promise<string> {
    return renderMailboxList(await this.mailbox.list(query.limit ?? 50));
  }

  @Get('frame.js')
  @Public()
  @Header('content-type', 'text/javascript; charset=utf-8')
  @ApiOperation({ summary: 'Le script qui ajuste le cadre d’un courriel à sa hauteur (pages de la boîte de développement)' })
  frameScript(): string {
    return FRAME_FIT_SCRIPT;
  }

  @Get(':id/page')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'Un courriel de la boîte de développement, en page HTML' })
  async emailPage(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<string> {
    return renderMailboxEmail(await this.mailbox.get(id));
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'Un courriel de la boîte de développement' })
  get(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<DevMailboxEmail> {
    return this.mailbox.get(id);
  }
}
