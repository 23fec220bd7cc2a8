import { Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ImagesController } from './images.controller';
import { ImagesRepository } from './images.repository';
import { ImagesService } from './images.service';
import {
  shutdownFaceWorker,
  shutdownPdfWorkers,
  warmUpFaceWorker,
  warmUpPdfWorkers,
} from '@t3p/image-measurement';

/** Upload, measurement (sharp, pdf-lib), the rule engine, storage and display derivatives. */
@Module({
  controllers: [ImagesController],
  providers: [ImagesRepository, ImagesService],
  exports: [ImagesService],
})
export class ImagesModule implements OnModuleInit, OnApplicationShutdown {
  /** PDF analysis runs in worker threads; start them now so the first PDF meets its time budget. */
  onModuleInit(): void {
    warmUpPdfWorkers();
    warmUpFaceWorker();
  }

  async onApplicationShutdown(): Promise<void> {
    await shutdownPdfWorkers();
    await shutdownFaceWorker();
  }
}
