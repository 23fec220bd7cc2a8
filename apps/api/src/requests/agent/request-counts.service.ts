import { Injectable } from '@nestjs/common';
import {
  CARD_TYPES,
  IMAGE_REQUEST_STATES,
  type CardType,
  type ImageRequestState,
} from '@t3p/contracts';
import { Clock } from '../../common/clock';
import { Environment } from '../../config/environment';
import { RequestCountsRepository, type CountDrift } from './request-counts.repository';
import { RollupUpkeep } from '../statistics/rollup-upkeep';

export interface PrefectureCounts {
  byState: Record<ImageRequestState, number>;
  byCardType: Record<CardType, number>;
  total: number;
}

/**
 * Counts of a préfecture's image requests that cost the same at 100 or 1,000,000 requests, and
 * their upkeep: each scheduler tick folds the deltas; every REQUEST_COUNTS_CHECK_MINUTES a real
 * count is compared with them, and a difference is logged (keys and figures only) and repaired.
 */
@Injectable()
export class RequestCountsService {
  private readonly upkeep: RollupUpkeep<CountDrift>;

  constructor(
    private readonly repository: RequestCountsRepository,
    private readonly clock: Clock,
    private readonly env: Environment,
  ) {
    this.upkeep = new RollupUpkeep(
      repository,
      RequestCountsService.name,
      'Request counts',
      clock,
      env,
    );
  }

  async countsOf(prefectureId: string): Promise<PrefectureCounts> {
    const byState = Object.fromEntries(IMAGE_REQUEST_STATES.map((state) => [state, 0])) as Record<
      ImageRequestState,
      number
    >;
    const byCardType = Object.fromEntries(CARD_TYPES.map((type) => [type, 0])) as Record<
      CardType,
      number
    >;
    let total = 0;
    for (const row of await this.repository.countsOf(prefectureId)) {
      byState[row.state] += row.count;
      byCardType[row.cardType] += row.count;
      total += row.count;
    }
    return { byState, byCardType, total };
  }

  /** One scheduler step: fold, and compare with a real count when the last check is old enough. */
  maintain(): Promise<CountDrift[]> {
    return this.upkeep.maintain();
  }

  /** Compares with a real count; repairs and logs any difference. Returns the differences found. */
  check(): Promise<CountDrift[]> {
    return this.upkeep.check();
  }
}
