import { Module } from '@nestjs/common';
import { SiteController } from './site.controller';
import { SiteService } from './site.service';

/** The service's own facts for its pages (sender of the emails, legal notice), from the settings. */
@Module({
  controllers: [SiteController],
  providers: [SiteService],
})
export class SiteModule {}
