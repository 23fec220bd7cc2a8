import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StatisticsQuery, type PrefectureStatistics } from '@t3p/contracts';
import { AgentOnly, CurrentPrincipal, Principal } from '../../auth/access.decorators';
import { RequestStatisticsService } from './request-statistics.service';

/** The statistics panel: scoped to the agent's préfecture, like every agent route. */
@ApiTags('préfecture')
@Controller('agent')
export class RequestStatisticsController {
  constructor(private readonly statistics: RequestStatisticsService) {}

  @Get('dashboard/statistics')
  @AgentOnly()
  @ApiOperation({
    summary:
      'Les statistiques de la préfecture sur une période (jours de Paris, bornes incluses, 30 derniers jours par défaut) : demandes par état, délais médians (à ±2,5 %), taux de refus par motif',
  })
  read(
    @CurrentPrincipal() principal: Principal,
    @Query() query: StatisticsQuery,
  ): Promise<PrefectureStatistics> {
    return this.statistics.statisticsOf(principal.prefectureId ?? '', query);
  }
}
