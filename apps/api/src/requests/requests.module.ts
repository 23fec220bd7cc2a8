import { Module } from '@nestjs/common';
import { ImagesModule } from '../images/images.module';
import { AgentApplicationsController } from './agent/agent-applications.controller';
import { AgentRequestsController } from './agent/agent-requests.controller';
import { AgentRequestsService } from './agent/agent-requests.service';
import { DriverApplicationController } from './driver/driver-application.controller';
import { DriverRequestController } from './driver/driver-request.controller';
import { DriverRequestService } from './driver/driver-request.service';
import { LifecycleService } from './lifecycle/lifecycle.service';
import { RequestCountsRepository } from './agent/request-counts.repository';
import { RequestCountsService } from './agent/request-counts.service';
import { RequestQueriesRepository } from './request-queries.repository';
import { RequestTransitionsRepository } from './lifecycle/request-transitions.repository';
import { RequestsRepository } from './requests.repository';
import { RequestsService } from './requests.service';
import { TimedTransitionsService } from './lifecycle/timed-transitions.service';

@Module({
  imports: [ImagesModule],
  controllers: [
    DriverApplicationController,
    AgentApplicationsController,
    AgentRequestsController,
    DriverRequestController,
  ],
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
