import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SiteInfo } from '@t3p/contracts';
import { Public } from '../common/public.decorator';
import { SiteService } from './site.service';

@ApiTags('site')
@Controller('site')
export class SiteController {
  constructor(private readonly site: SiteService) {}

  @Get()
  @Public()
  @Header('cache-control', 'public, max-age=300')
  @ApiOperation({ summary: 'Ce que les pages disent du service : l’expéditeur des courriels, les mentions légales (hébergeur, directeur de la publication)' })
  @ApiOkResponse({ description: '{ emailSender: { name, address }, legalNotice: { host: { name, address, phone }, publicationDirector } }' })
  info(): SiteInfo {
    return this.site.info();
  }
}
