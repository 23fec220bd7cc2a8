import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuthModule } from '../auth/auth.module';
import { RequestsModule } from '../requests/requests.module';
import { RequestStatisticsModule } from '../requests/statistics/request-statistics.module';
import { LifecycleScheduler } from './lifecycle-scheduler.service';

/**
 * Timed transitions (reminder, cancellation, retention purge); every tick is a conditional update.
 * The jobs fire only when enabled (role `all` or `worker` and SCHEDULER_ENABLED, see
 * runsBackgroundJobs); LifecycleScheduler.tick() is always there
 * for tests and operators.
 */
@Module({})
export class SchedulerModule {
  static register(options: { enabled: boolean }): DynamicModule {
    return {
      module: SchedulerModule,
      imports: [
        RequestsModule,
        RequestStatisticsModule,
        AuthModule,
        ...(options.enabled ? [ScheduleModule.forRoot()] : []),
      ],
      providers: [LifecycleScheduler],
      exports: [LifecycleScheduler],
    };
  }
}
