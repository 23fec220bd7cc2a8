import { Module } from '@nestjs/common';
import { RequestStatisticsController } from './request-statistics.controller';
import { RequestStatisticsRepository } from './request-statistics.repository';
import { RequestStatisticsService } from './request-statistics.service';

/** The statistics panel (issue 18) and the upkeep of its daily rollup, which the scheduler calls. */
@Module({
  controllers: [RequestStatisticsController],
  providers: [RequestStatisticsService, RequestStatisticsRepository],
  exports: [RequestStatisticsService],
})
export class RequestStatisticsModule {}
