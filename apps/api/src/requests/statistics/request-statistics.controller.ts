import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PrefectureStatistics, StatisticsQuery } from '@t3p/contracts';
import { AgentOnly, CurrentPrincipal, Principal } from '../../auth/access.decorators';
import { ApiErrors, Operation, VALIDATION } from '../../common/openapi.decorators';
import { RequestStatisticsService } from './request-statistics.service';

/** The statistics panel: scoped to the agent's préfecture, like every agent route. */
@ApiTags('préfecture')
@Controller('agent')
export class RequestStatisticsController {
  constructor(private readonly statistics: RequestStatisticsService) {}

  @Get('dashboard/statistics')
  @AgentOnly()
  @Operation(
    'Les statistiques de la préfecture sur une période (jours de Paris, bornes incluses, 30 derniers jours par défaut) : demandes par état, délais médians (à ±2,5 %), taux de refus par motif',
    'The préfecture’s statistics over a period of Paris days (both included; the last 30 days by default): requests per state, median delays (within ±2.5 %), rejection rate per reason.',
  )
  @ApiOkResponse({
    type: PrefectureStatistics,
    example: {
      from: '2026-11-01',
      to: '2026-11-30',
      created: {
        byState: {
          PENDING: 12,
          REMINDED: 3,
          SUBMITTED: 5,
          VALIDATED: 40,
          REJECTED: 2,
          CANCELLED: 1,
        },
        total: 63,
      },
      decided: { total: 42, validated: 40, rejected: 2, rejectionRate: 0.048 },
      rejectionsByReason: [{ code: 'PHOTO_BACKGROUND', count: 2, rate: 0.048 }],
      toSubmission: { count: 45, seconds: 172800, lowSeconds: 168600, highSeconds: 177000 },
      toDecision: { count: 42, seconds: 86400, lowSeconds: 84300, highSeconds: 88500 },
      medianPrecision: 0.025,
    },
  })
  @ApiErrors({ 400: [...VALIDATION] })
  read(
    @CurrentPrincipal() principal: Principal,
    @Query() query: StatisticsQuery,
  ): Promise<PrefectureStatistics> {
    return this.statistics.statisticsOf(principal.prefectureId ?? '', query);
  }
}
