import { Module } from '@nestjs/common';
import { AgentBackofficeController } from './agent-backoffice.controller';
import { AgentBackofficeRepository } from './agent-backoffice.repository';
import { AgentBackofficeService } from './agent-backoffice.service';
import { RequestsModule } from '../requests.module';

/** The back-office dashboard's reads (issue 7), beside the lifecycle's own agent endpoints. */
@Module({
  // The sorted request list is AgentRequestsService's, with a direction.
  imports: [RequestsModule],
  controllers: [AgentBackofficeController],
  providers: [AgentBackofficeService, AgentBackofficeRepository],
})
export class AgentBackofficeModule {}
