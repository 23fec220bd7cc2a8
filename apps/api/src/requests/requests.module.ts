import { Module } from '@nestjs/common';
import { RequestsRepository } from './requests.repository';
import { RequestsService } from './requests.service';

@Module({
  providers: [RequestsRepository, RequestsService],
  exports: [RequestsService],
})
export class RequestsModule {}
