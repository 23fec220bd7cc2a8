import { Logger } from '@nestjs/common';
import type { Clock } from '../../common/clock';
import type { Environment } from '../../config/environment';

/** A table of maintained figures (request_count, request_stat…) as its upkeep sees it. */
export interface MaintainedTable<Drift> {
  fold(): Promise<void>;
  drift(): Promise<Drift[]>;
  repair(): Promise<Drift[]>;
}

/**
 * The upkeep shared by the maintained counts and statistics: each scheduler step folds the
 * deltas; every REQUEST_COUNTS_CHECK_MINUTES a recount is compared with them, and a difference is
 * logged (keys and figures only, 20 at most) and repaired.
 */
export class RollupUpkeep<Drift> {
  private lastCheck = 0;
  private readonly logger: Logger;

  /** `owner`: the logger's context; `what`: the figures, as the log says them. */
  constructor(
    private readonly table: MaintainedTable<Drift>,
    owner: string,
    private readonly what: string,
    private readonly clock: Clock,
    private readonly env: Environment,
  ) {
    this.logger = new Logger(owner);
  }

  async maintain(): Promise<Drift[]> {
    await this.table.fold();
    const now = this.clock.now().getTime();
    if (now - this.lastCheck < this.env.REQUEST_COUNTS_CHECK_MINUTES * 60_000) return [];
    this.lastCheck = now;
    return this.check();
  }

  async check(): Promise<Drift[]> {
    if ((await this.table.drift()).length === 0) return [];
    const repaired = await this.table.repair();
    if (repaired.length > 0) {
      this.logger.error(
        { drift: repaired.slice(0, 20), keys: repaired.length },
        `${this.what} drifted from a real count: repaired`,
      );
    }
    return repaired;
  }
}
