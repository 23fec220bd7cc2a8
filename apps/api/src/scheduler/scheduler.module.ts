import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

/** Timed transitions (reminder, cancellation, retention purge); every tick is a conditional update. */
@Module({})
export class SchedulerModule {
  static register(options: { enabled: boolean }): DynamicModule {
    return {
      module: SchedulerModule,
      imports: options.enabled ? [ScheduleModule.forRoot()] : [],
    };
  }
}
