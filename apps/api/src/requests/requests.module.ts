import { Module } from '@nestjs/common';
import { ImagesModule } from '../images/images.module';
import { AgentApplicationsController } from './agent-applications.controller';
import { AgentRequestsController } from './agent-requests.controller';
import { AgentRequestsService } from './agent-requests.service';
import { DriverApplicationController } from './driver-application.controller';
import { DriverRequestController } from './driver-request.controller';
import { DriverRequestService } from './driver-request.service';
import { LifecycleService } from './lifecycle.service';
import { RequestCountsRepository } from './request-counts.repository';
import { RequestCountsService } from './request-counts.service';
import { RequestQueriesRepository } from './request-queries.repository';
import { RequestTransitionsRepository } from './request-transitions.repository';
import { RequestsRepository } from './requests.repository';
import { RequestsService } from './requests.service';
import { TimedTransitionsService } from './timed-transitions.service';

@Module({
  imports: [ImagesModule],
  controllers: [DriverApplicationController, AgentApplicationsController, AgentRequestsController, DriverRequestController],
  providers: [
    RequestsRepository,
    RequestsService,
    RequestQueriesRepository,
    RequestTransitionsRepository,
    LifecycleService,
    TimedTransitionsService,
    AgentRequestsService,
    DriverRequestService,
    RequestCountsRepository,
    RequestCountsService,
  ],
  exports: [RequestsService, TimedTransitionsService, AgentRequestsService, RequestCountsService],
})
export class RequestsModule {}
