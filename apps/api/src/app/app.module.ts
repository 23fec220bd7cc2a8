import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from '../auth/auth.module';
import { Clock } from '../common/clock';
import { ApiExceptionFilter } from '../common/errors/api-exception.filter';
import { ConfigModule } from '../config/config.module';
import { Environment, runsBackgroundJobs, servesHttpApi } from '../config/environment';
import { DatabaseModule } from '../database/database.module';
import { DemoModule } from '../demo/demo.module';
import { HealthModule } from '../health/health.module';
import { ImagesModule } from '../images/images.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AgentBackofficeModule } from '../requests/agent/agent-backoffice.module';
import { RequestsModule } from '../requests/requests.module';
import { RequestStatisticsModule } from '../requests/statistics/request-statistics.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { SiteModule } from '../site/site.module';
import { loggerOptions } from './logger-options';

export interface AppModuleOptions {
  environment: Environment;
  /** Tests pass a ManualClock to move time. */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static register({ environment, clock }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.with(environment),
        LoggerModule.forRoot(loggerOptions(environment)),
        DatabaseModule,
        HealthModule,
        SiteModule,
        AuthModule,
        RequestsModule,
        AgentBackofficeModule,
        RequestStatisticsModule,
        ImagesModule,
        NotificationsModule.register({
          devMailbox: environment.NODE_ENV !== 'production' && servesHttpApi(environment),
        }),
        SchedulerModule.register({ enabled: runsBackgroundJobs(environment) }),
        DemoModule,
        ClockModule.with(clock ?? new Clock()),
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}

@Module({})
class ClockModule {
  static with(clock: Clock): DynamicModule {
    return {
      module: ClockModule,
      global: true,
      providers: [{ provide: Clock, useValue: clock }],
      exports: [Clock],
    };
  }
}
