import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SiteInfo } from '@t3p/contracts';
import { Operation } from '../common/openapi.decorators';
import { Public } from '../common/public.decorator';
import { SiteService } from './site.service';

@ApiTags('site')
@Controller('site')
export class SiteController {
  constructor(private readonly site: SiteService) {}

  @Get()
  @Public()
  @Header('cache-control', 'public, max-age=300')
  @Operation(
    'Ce que les pages disent du service : l’expéditeur des courriels, les mentions légales (hébergeur, directeur de la publication)',
    'What the pages state about the service: the emails’ sender and the legal notice (host, publication director).',
  )
  @ApiOkResponse({ type: SiteInfo })
  info(): SiteInfo {
    return this.site.info();
  }
}
