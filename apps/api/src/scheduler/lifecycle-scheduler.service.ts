import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AuthHousekeepingService } from '../auth/auth-housekeeping.service';
import { Environment } from '../config/environment';
import { RequestCountsService } from '../requests/agent/request-counts.service';
import { TimedTransitionsService } from '../requests/lifecycle/timed-transitions.service';
import { RequestStatisticsService } from '../requests/statistics/request-statistics.service';

export interface TickReport {
  reminded: number;
  cancelled: number;
  purged: number;
}

const INTERVAL_NAME = 'image-request-lifecycle';

/**
 * The timed jobs. @nestjs/schedule runs them on every instance without coordination: the
 * exactness comes from the set-based conditional updates of TimedTransitionsService. The
 * interval (every SCHEDULER_TICK_SECONDS) is registered only when the SchedulerModule is enabled,
 * which provides the registry; tests call tick().
 */
@Injectable()
export class LifecycleScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LifecycleScheduler.name);
  private running?: Promise<TickReport>;

  constructor(
    private readonly timed: TimedTransitionsService,
    private readonly authHousekeeping: AuthHousekeepingService,
    private readonly counts: RequestCountsService,
    private readonly statistics: RequestStatisticsService,
    private readonly env: Environment,
    @Optional() private readonly registry?: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.registry) return;
    const timer = setInterval(() => void this.onInterval(), this.env.SCHEDULER_TICK_SECONDS * 1000);
    this.registry.addInterval(INTERVAL_NAME, timer);
  }

  async onInterval(): Promise<void> {
    // A tick longer than the interval is still running: joining it would log its report twice.
    if (this.running) return;
    try {
      const report = await this.tick();
      if (report.reminded || report.cancelled || report.purged)
        this.logger.log({ ...report }, 'Lifecycle tick');
    } catch (error) {
      this.logger.error(
        { err: error instanceof Error ? error.message : String(error) },
        'Lifecycle tick failed',
      );
    }
  }

  /** One tick: reminders, cancellations, the retention purge, the auth tables' housekeeping, the counts' upkeep. Ticks of one process never overlap. */
  tick(): Promise<TickReport> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  remind(): Promise<number> {
    return this.timed.remindDue();
  }

  cancel(): Promise<number> {
    return this.timed.cancelDue();
  }

  purge(): Promise<number> {
    return this.timed.purgeDue();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.registry?.doesExist('interval', INTERVAL_NAME))
      this.registry.deleteInterval(INTERVAL_NAME);
    await this.running?.catch(() => undefined);
  }

  private async run(): Promise<TickReport> {
    const reminded = await this.remind();
    const cancelled = await this.cancel();
    const purged = await this.purge();
    // Ended sessions, links and rate-limit counts: plain deletes of ended rows, safe on any instance.
    await this.authHousekeeping.purgeExpired();
    // The maintained counts: folded every tick, compared with a real count now and then.
    await this.counts.maintain();
    await this.statistics.maintain();
    return { reminded, cancelled, purged };
  }
}
