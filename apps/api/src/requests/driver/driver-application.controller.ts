import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApplicationDetail } from '@t3p/contracts';
import { CurrentPrincipal, DriverOnly, Principal } from '../../auth/access.decorators';
import { ApiErrors, Operation } from '../../common/openapi.decorators';
import { RequestsService } from '../requests.service';

@ApiTags('chauffeur')
@Controller('driver')
export class DriverApplicationController {
  constructor(private readonly requests: RequestsService) {}

  @Get('application')
  @DriverOnly()
  @Operation(
    'La demande de carte du chauffeur connecté et sa demande d’images (étape Détail)',
    'The signed-in driver’s card application and image request (Details step).',
  )
  @ApiOkResponse({ type: ApplicationDetail })
  @ApiErrors({ 404: ['NOT_FOUND'] })
  application(@CurrentPrincipal() principal: Principal): Promise<ApplicationDetail> {
    return this.requests.getDriverApplication(principal.subjectId);
  }
}
