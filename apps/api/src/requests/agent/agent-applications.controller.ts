import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApplicationDetail } from '@t3p/contracts';
import { AgentOnly, CurrentPrincipal, Principal } from '../../auth/access.decorators';
import { RequestsService } from '../requests.service';

@ApiTags('préfecture')
@Controller('agent/applications')
export class AgentApplicationsController {
  constructor(private readonly requests: RequestsService) {}

  @Get(':id')
  @AgentOnly()
  @ApiOperation({ summary: 'Une demande de carte de la préfecture de l’agent (404 pour toute autre)' })
  application(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
  ): Promise<ApplicationDetail> {
    return this.requests.getPrefectureApplication(principal.prefectureId ?? '', id);
  }
}
