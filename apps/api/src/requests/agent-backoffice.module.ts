import { Module } from '@nestjs/common';
import { AgentBackofficeController } from './agent-backoffice.controller';
import { AgentBackofficeRepository } from './agent-backoffice.repository';
import { AgentBackofficeService } from './agent-backoffice.service';

/** The back-office dashboard's reads (issue 7), beside the lifecycle's own agent endpoints. */
@Module({
  controllers: [AgentBackofficeController],
  providers: [AgentBackofficeService, AgentBackofficeRepository],
})
export class AgentBackofficeModule {}
