import { Module } from '@nestjs/common';
import { ImagesModule } from '../images/images.module';
import { DemoDataRepository } from './demo-data.repository';
import { DemoDataService } from './demo-data.service';

@Module({
  imports: [ImagesModule],
  providers: [DemoDataRepository, DemoDataService],
  exports: [DemoDataService],
})
export class DemoModule {}
