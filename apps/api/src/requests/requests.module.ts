import { Module } from '@nestjs/common';
import { AgentApplicationsController } from './agent-applications.controller';
import { DriverApplicationController } from './driver-application.controller';
import { RequestsRepository } from './requests.repository';
import { RequestsService } from './requests.service';

@Module({
  controllers: [DriverApplicationController, AgentApplicationsController],
  providers: [RequestsRepository, RequestsService],
  exports: [RequestsService],
})
export class RequestsModule {}
