import { Module } from '@nestjs/common';
import { DemoDataRepository } from './demo-data.repository';
import { DemoDataService } from './demo-data.service';

@Module({
  providers: [DemoDataRepository, DemoDataService],
  exports: [DemoDataService],
})
export class DemoModule {}
