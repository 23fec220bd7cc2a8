import { IsOptional, Matches } from 'class-validator';
import { RequestStateCounts } from './backoffice.dto';
import { documented, integer, nested, oneOf, text } from './openapi-fields';
import { REQUEST_REASON_CODES, type RequestReasonCode } from './requests.dto';

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

  static readonly _OPENAPI_METADATA_FACTORY = documented<StatisticsQuery>({
    from: text('Premier jour de la période (heure de Paris), inclus.', {
      required: false,
      format: 'date',
      example: '2026-11-01',
    }),
    to: text('Dernier jour de la période (heure de Paris), inclus.', {
      required: false,
      format: 'date',
      example: '2026-11-30',
    }),
  });
}

/** A median duration read from log-scale buckets: `seconds` is within [low, high], and within ±2.5 % of the true median. */
export class MedianDuration {
  /** How many durations the median is taken over. */
  count!: number;
  seconds!: number;
  lowSeconds!: number;
  highSeconds!: number;

  static readonly _OPENAPI_METADATA_FACTORY = documented<MedianDuration>({
    count: integer('Nombre de durées sur lesquelles la médiane est prise.'),
    seconds: { type: 'number', description: 'La médiane, en secondes (à ±2,5 %).' },
    lowSeconds: { type: 'number', description: 'Borne basse de la médiane, en secondes.' },
    highSeconds: { type: 'number', description: 'Borne haute de la médiane, en secondes.' },
  });
}

export class RejectionReasonRate {
  code!: RequestReasonCode;
  /** Decided requests with at least one image refused for this reason. */
  count!: number;
  /** count / decided requests of the period (0 to 1). */
  rate!: number;

  static readonly _OPENAPI_METADATA_FACTORY = documented<RejectionReasonRate>({
    code: oneOf(REQUEST_REASON_CODES, 'Motif du catalogue.'),
    count: integer('Demandes décidées dont au moins une image a été refusée pour ce motif.'),
    rate: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: 'Part des demandes décidées sur la période (0 à 1).',
    },
  });
}

/** Requests created in the period, by their current state. */
export class CreatedInPeriod {
  byState!: RequestStateCounts;
  total!: number;

  static readonly _OPENAPI_METADATA_FACTORY = documented<CreatedInPeriod>({
    byState: nested(() => RequestStateCounts, 'Par état actuel.'),
    total: integer(),
  });
}

/** Decisions recorded in the period. */
export class DecidedInPeriod {
  total!: number;
  validated!: number;
  rejected!: number;
  rejectionRate!: number | null;

  static readonly _OPENAPI_METADATA_FACTORY = documented<DecidedInPeriod>({
    total: integer(),
    validated: integer(),
    rejected: integer(),
    rejectionRate: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      nullable: true,
      description: 'Part des décisions qui sont des refus (0 à 1) ; null sans décision.',
    },
  });
}

/** The préfecture's statistics over a period of Paris days. */
export class PrefectureStatistics {
  from!: string;
  to!: string;
  /** Requests created in the period, by their current state. */
  created!: CreatedInPeriod;
  /** Decisions recorded in the period. */
  decided!: DecidedInPeriod;
  /** Decided in the period, by reason of refusal (most frequent first); one request may count under two reasons. */
  rejectionsByReason!: RejectionReasonRate[];
  /** From the request to the driver's sending of the images, for the requests submitted in the period. */
  toSubmission!: MedianDuration | null;
  /** From the sending to the decision, for the requests decided in the period. */
  toDecision!: MedianDuration | null;
  /** Relative precision of the medians (0.025 = ±2.5 %). */
  medianPrecision!: number;

  static readonly _OPENAPI_METADATA_FACTORY = documented<PrefectureStatistics>({
    from: text('Premier jour de la période (heure de Paris).', {
      format: 'date',
      example: '2026-11-01',
    }),
    to: text('Dernier jour de la période (heure de Paris).', {
      format: 'date',
      example: '2026-11-30',
    }),
    created: nested(() => CreatedInPeriod, 'Demandes créées sur la période, par état actuel.'),
    decided: nested(() => DecidedInPeriod, 'Décisions enregistrées sur la période.'),
    rejectionsByReason: nested(
      () => [RejectionReasonRate],
      'Refus par motif, le plus fréquent d’abord.',
    ),
    toSubmission: nested(
      () => MedianDuration,
      'De la demande à l’envoi des images (demandes envoyées sur la période).',
      { nullable: true },
    ),
    toDecision: nested(
      () => MedianDuration,
      'De l’envoi à la décision (demandes décidées sur la période).',
      { nullable: true },
    ),
    medianPrecision: {
      type: 'number',
      description: 'Précision relative des médianes (0,025 = ±2,5 %).',
    },
  });
}
