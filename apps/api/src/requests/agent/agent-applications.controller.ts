import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApplicationDetail } from '@t3p/contracts';
import { AgentOnly, CurrentPrincipal, Principal } from '../../auth/access.decorators';
import { ApiErrors, Operation, UuidParam } from '../../common/openapi.decorators';
import { RequestsService } from '../requests.service';

@ApiTags('préfecture')
@Controller('agent/applications')
export class AgentApplicationsController {
  constructor(private readonly requests: RequestsService) {}

  @Get(':id')
  @AgentOnly()
  @Operation(
    'Une demande de carte de la préfecture de l’agent (404 pour toute autre)',
    'One card application of the agent’s préfecture (404 for any other).',
  )
  @UuidParam('id', 'La demande de carte.')
  @ApiOkResponse({ type: ApplicationDetail })
  @ApiErrors({ 400: ['BAD_REQUEST'], 404: ['NOT_FOUND'] })
  application(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
  ): Promise<ApplicationDetail> {
    return this.requests.getPrefectureApplication(principal.prefectureId ?? '', id);
  }
}
