import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApplicationDetail } from '@t3p/contracts';
import { CurrentPrincipal, DriverOnly, Principal } from '../../auth/access.decorators';
import { RequestsService } from '../requests.service';

@ApiTags('chauffeur')
@Controller('driver')
export class DriverApplicationController {
  constructor(private readonly requests: RequestsService) {}

  @Get('application')
  @DriverOnly()
  @ApiOperation({ summary: 'La demande de carte du chauffeur connecté et sa demande d’images (étape Détail)' })
  application(@CurrentPrincipal() principal: Principal): Promise<ApplicationDetail> {
    return this.requests.getDriverApplication(principal.subjectId);
  }
}
