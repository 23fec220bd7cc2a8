import { Injectable } from '@nestjs/common';
import {
  IMAGE_REQUEST_STATES,
  parisClock,
  STATISTICS_MAX_DAYS,
  STATISTICS_MEDIAN_PRECISION,
  type ImageRequestState,
  type MedianDuration,
  type PrefectureStatistics,
  type RequestReasonCode,
  type StatisticsQuery,
} from '@t3p/contracts';
import { Clock } from '../../common/clock';
import { ApiException } from '../../common/errors/api-exception';
import { Environment } from '../../config/environment';
import { DURATION_BUCKET_RATIO } from '../../database/migrations/1764900000000-request-statistics';
import {
  RequestStatisticsRepository,
  type StatisticDrift,
  type StatisticPeriod,
  type StatisticRow,
} from './request-statistics.repository';
import { RollupUpkeep } from './rollup-upkeep';

const DAY_MS = 86_400_000;
/** The period shown when none is asked for: the last 30 days, today included. */
const DEFAULT_DAYS = 30;

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);
const timeOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
/** The first day of the month after `day`'s. */
const nextMonthStart = (day: string) => {
  const date = new Date(timeOf(monthStart(day)));
  return dayOf(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
};

/** The period's whole months (read in the monthly rollup) and the days before and after them (read day by day). */
export function splitPeriod(from: string, to: string): StatisticPeriod {
  const firstMonth = from === monthStart(from) ? from : nextMonthStart(from);
  const afterLastMonth =
    nextMonthStart(to) === dayOf(timeOf(to) + DAY_MS) ? nextMonthStart(to) : monthStart(to);
  if (firstMonth >= afterLastMonth) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < firstMonth) days.push([from, dayOf(timeOf(firstMonth) - DAY_MS)]);
  if (afterLastMonth <= to) days.push([afterLastMonth, to]);
  return {
    months: [firstMonth.slice(0, 7), dayOf(timeOf(afterLastMonth) - DAY_MS).slice(0, 7)],
    days,
  };
}

/**
 * The median of durations counted in log-scale buckets (0: under a second; b ≥ 1: from
 * 1.05^(b−1) to 1.05^b seconds): the lower middle value's bucket, given as its geometric middle,
 * so within ±2.5 % of that value. Null without any duration.
 */
export function medianOfBuckets(buckets: Map<number, number>): MedianDuration | null {
  const sorted = [...buckets.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const count = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (count === 0) return null;
  const rank = Math.ceil(count / 2);
  let seen = 0;
  for (const [bucket, n] of sorted) {
    seen += n;
    if (seen < rank) continue;
    if (bucket === 0) return { count, seconds: 0, lowSeconds: 0, highSeconds: 1 };
    const lowSeconds = DURATION_BUCKET_RATIO ** (bucket - 1);
    const highSeconds = DURATION_BUCKET_RATIO ** bucket;
    return {
      count,
      seconds: Math.round(Math.sqrt(lowSeconds * highSeconds)),
      lowSeconds: Math.floor(lowSeconds),
      highSeconds: Math.ceil(highSeconds),
    };
  }
  return null;
}

/**
 * The statistics panel of a préfecture over a period of Paris days, read from the maintained
 * daily rollup (its cost depends on the number of days, not of requests), and the rollup's upkeep:
 * folded each scheduler tick, compared with a recount every REQUEST_COUNTS_CHECK_MINUTES.
 */
@Injectable()
export class RequestStatisticsService {
  private readonly upkeep: RollupUpkeep<StatisticDrift>;

  constructor(
    private readonly clock: Clock,
    private readonly repository: RequestStatisticsRepository,
    env: Environment,
  ) {
    // The same upkeep as the counts', on the same schedule (REQUEST_COUNTS_CHECK_MINUTES).
    this.upkeep = new RollupUpkeep(
      repository,
      RequestStatisticsService.name,
      'Request statistics',
      clock,
      env,
    );
  }

  async statisticsOf(prefectureId: string, query: StatisticsQuery): Promise<PrefectureStatistics> {
    const { from, to } = this.periodOf(query);
    const rows = await this.repository.sumsOf(prefectureId, splitPeriod(from, to));
    const of = (metric: StatisticRow['metric']) => rows.filter((row) => row.metric === metric);
    const byState = Object.fromEntries(IMAGE_REQUEST_STATES.map((state) => [state, 0])) as Record<
      ImageRequestState,
      number
    >;
    for (const row of of('CREATED')) byState[row.label as ImageRequestState] += row.n;
    const decided = of('DECIDED');
    const validated = decided.find((row) => row.label === 'VALIDATED')?.n ?? 0;
    const rejected = decided.find((row) => row.label === 'REJECTED')?.n ?? 0;
    const total = validated + rejected;
    const histogram = (metric: StatisticRow['metric']) =>
      new Map(of(metric).map((row) => [Number(row.label), row.n]));
    return {
      from,
      to,
      created: { byState, total: Object.values(byState).reduce((sum, n) => sum + n, 0) },
      decided: { total, validated, rejected, rejectionRate: total > 0 ? rejected / total : null },
      rejectionsByReason: of('REJECTED_FOR')
        .map((row) => ({
          code: row.label as RequestReasonCode,
          count: row.n,
          rate: total > 0 ? row.n / total : 0,
        }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
      toSubmission: medianOfBuckets(histogram('TO_SUBMISSION')),
      toDecision: medianOfBuckets(histogram('TO_DECISION')),
      medianPrecision: STATISTICS_MEDIAN_PRECISION,
    };
  }

  /** One scheduler step: fold, and compare with a real count when the last check is old enough. */
  maintain(): Promise<StatisticDrift[]> {
    return this.upkeep.maintain();
  }

  /** Compares with a real count; repairs and logs any difference. Returns the differences found. */
  check(): Promise<StatisticDrift[]> {
    return this.upkeep.check();
  }

  /** The asked period, or its defaults; 400 for a date that does not exist, an inverted or too long period. */
  private periodOf(query: StatisticsQuery): { from: string; to: string } {
    for (const [day, label] of [
      [query.from, 'de début'],
      [query.to, 'de fin'],
    ] as const) {
      if (day !== undefined && (Number.isNaN(timeOf(day)) || dayOf(timeOf(day)) !== day)) {
        throw ApiException.badRequest(
          `La date ${label} n’existe pas dans le calendrier.`,
          'VALIDATION_FAILED',
        );
      }
    }
    const paris = parisClock(this.clock.now());
    const today = dayOf(Date.UTC(paris.year, paris.monthIndex, paris.day));
    const to = query.to ?? today;
    const from = query.from ?? dayOf(timeOf(to) - (DEFAULT_DAYS - 1) * DAY_MS);
    if (from > to)
      throw ApiException.badRequest(
        'La date de début doit précéder la date de fin (ou lui être égale).',
        'VALIDATION_FAILED',
      );
    if ((timeOf(to) - timeOf(from)) / DAY_MS + 1 > STATISTICS_MAX_DAYS) {
      throw ApiException.badRequest(
        `La période ne peut pas dépasser ${STATISTICS_MAX_DAYS} jours.`,
        'VALIDATION_FAILED',
      );
    }
    return { from, to };
  }
}
