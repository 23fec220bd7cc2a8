import { IsOptional, Matches } from 'class-validator';
import type { ImageRequestState } from './domain';
import type { RequestReasonCode } from './requests.dto';

/** The longest period the statistics cover at once, in days. */
export const STATISTICS_MAX_DAYS = 3 * 366;
/** A median read from the statistics' duration buckets is within this share of the true one (±2.5 %). */
export const STATISTICS_MEDIAN_PRECISION = 0.025;

/** An optional day, YYYY-MM-DD (that it exists in the calendar is the service's check). */
const optionalDay =
  (message: string): PropertyDecorator =>
  (target, key) => {
    IsOptional()(target, key);
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message })(target, key);
  };

/** The period of the statistics panel: two Paris calendar days, both included (default: the last 30 days). */
export class StatisticsQuery {
  @optionalDay('La date de début doit être au format AAAA-MM-JJ.')
  from?: string;

  @optionalDay('La date de fin doit être au format AAAA-MM-JJ.')
  to?: string;
}

/** A median duration read from log-scale buckets: `seconds` is within [low, high], and within ±2.5 % of the true median. */
export interface MedianDuration {
  /** How many durations the median is taken over. */
  count: number;
  seconds: number;
  lowSeconds: number;
  highSeconds: number;
}

export interface RejectionReasonRate {
  code: RequestReasonCode;
  /** Decided requests with at least one image refused for this reason. */
  count: number;
  /** count / decided requests of the period (0 to 1). */
  rate: number;
}

/** The préfecture's statistics over a period of Paris days. */
export interface PrefectureStatistics {
  from: string;
  to: string;
  /** Requests created in the period, by their current state. */
  created: { byState: Record<ImageRequestState, number>; total: number };
  /** Decisions recorded in the period. */
  decided: { total: number; validated: number; rejected: number; rejectionRate: number | null };
  /** Decided in the period, by reason of refusal (most frequent first); one request may count under two reasons. */
  rejectionsByReason: RejectionReasonRate[];
  /** From the request to the driver's sending of the images, for the requests submitted in the period. */
  toSubmission: MedianDuration | null;
  /** From the sending to the decision, for the requests decided in the period. */
  toDecision: MedianDuration | null;
  /** Relative precision of the medians (0.025 = ±2.5 %). */
  medianPrecision: number;
}
