import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { statisticsContributionSql } from '../../database/migrations/1764900000000-request-statistics';

export interface StatisticRow {
  metric: 'CREATED' | 'DECIDED' | 'REJECTED_FOR' | 'TO_SUBMISSION' | 'TO_DECISION';
  label: string;
  n: number;
}

/** A period split for the rollup: its whole months (first, last YYYY-MM) and its other days (ranges of YYYY-MM-DD, both ends included). */
export interface StatisticPeriod {
  months: [string, string] | null;
  days: [string, string][];
}

export interface StatisticDrift {
  prefectureId: string;
  /** The day (YYYY-MM-DD) or, for the monthly table, the month (YYYY-MM). */
  day: string;
  metric: string;
  label: string;
  counted: number;
  real: number;
}

/** The two tables of the rollup, and how each is recomputed from the contributions of image_request. */
const TABLES = [
  {
    table: 'request_stat',
    column: 'day',
    key: 'prefecture_id, day, metric, label',
    real: (contributions: string) =>
      `SELECT prefecture_id, day, metric, label, SUM(n) AS n FROM (${contributions}) AS c GROUP BY prefecture_id, day, metric, label`,
  },
  {
    table: 'request_stat_month',
    column: 'month',
    key: 'prefecture_id, month, metric, label',
    real: (contributions: string) =>
      `SELECT prefecture_id, substr(day, 1, 7) AS month, metric, label, SUM(n) AS n FROM (${contributions}) AS c
        GROUP BY prefecture_id, substr(day, 1, 7), metric, label`,
  },
];

/**
 * The daily statistics rollup (table request_stat, written by the triggers of migration
 * 1764900000000 in the same statement as every change of image_request). The only code reading
 * or folding it; like RequestCountsRepository for request_count.
 */
@Injectable()
export class RequestStatisticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /**
   * The sums of the préfecture's rollup rows over a period: its whole months (YYYY-MM) read in
   * request_stat_month, its other days (YYYY-MM-DD ranges, both ends included) in request_stat.
   */
  async sumsOf(prefectureId: string, period: StatisticPeriod): Promise<StatisticRow[]> {
    const values: string[] = [];
    const placeholder = (value: string) => {
      values.push(value);
      return this.postgres ? `$${values.length}` : '?';
    };
    const part = (table: string, column: string, [from, to]: [string, string]) =>
      `SELECT metric, label, n FROM ${table}
        WHERE prefecture_id = ${placeholder(prefectureId)} AND ${column} >= ${placeholder(from)} AND ${column} <= ${placeholder(to)}`;
    const parts = period.days.map((range) => part('request_stat', 'day', range));
    if (period.months) parts.push(part('request_stat_month', 'month', period.months));
    if (parts.length === 0) return [];
    const rows: { metric: StatisticRow['metric']; label: string; n: string | number }[] =
      await this.dataSource.query(
        `SELECT metric, label, SUM(n) AS n FROM (${parts.join(' UNION ALL ')}) AS parts GROUP BY metric, label`,
        values,
      );
    return rows
      .map((row) => ({ metric: row.metric, label: row.label, n: Number(row.n) }))
      .filter((row) => row.n !== 0);
  }

  /** Folds the deltas of both tables into one row per key (see RequestCountsRepository.fold: the same reasoning). */
  async fold(): Promise<void> {
    for (const { table, key } of TABLES) await this.foldTable(table, key);
  }

  private async foldTable(table: string, key: string): Promise<void> {
    if (this.postgres) {
      await this.dataSource.query(
        `WITH gone AS (DELETE FROM ${table} RETURNING ${key}, n)
         INSERT INTO ${table} (${key}, n) SELECT ${key}, SUM(n) FROM gone GROUP BY ${key} HAVING SUM(n) <> 0`,
      );
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`CREATE TEMP TABLE IF NOT EXISTS ${table}_fold (${key}, n)`);
      await manager.query(`DELETE FROM ${table}_fold`);
      await manager.query(
        `INSERT INTO ${table}_fold SELECT ${key}, SUM(n) FROM ${table} GROUP BY ${key} HAVING SUM(n) <> 0`,
      );
      await manager.query(`DELETE FROM ${table}`);
      await manager.query(`INSERT INTO ${table} (${key}, n) SELECT ${key}, n FROM ${table}_fold`);
      await manager.query(`DELETE FROM ${table}_fold`);
    });
  }

  /** The keys whose rollup (days, then months) differs from the figures recomputed from image_request (a full read). */
  async drift(): Promise<StatisticDrift[]> {
    return this.driftWith(this.dataSource.manager);
  }

  /** Recomputes both tables from image_request if they still differ, locked meanwhile on PostgreSQL. */
  async repair(): Promise<StatisticDrift[]> {
    return this.dataSource.transaction(async (manager) => {
      if (this.postgres)
        await manager.query(
          'LOCK TABLE request_stat, request_stat_month IN SHARE ROW EXCLUSIVE MODE',
        );
      const drift = await this.driftWith(manager);
      if (drift.length === 0) return drift;
      for (const { table, key, real } of TABLES) {
        await manager.query(`DELETE FROM ${table}`);
        await manager.query(`INSERT INTO ${table} (${key}, n) ${real(this.realSql())}`);
      }
      return drift;
    });
  }

  private realSql(): string {
    return statisticsContributionSql(this.postgres ? 'postgres' : 'sqlite', 'image_request', 1);
  }

  private async driftWith(manager: EntityManager): Promise<StatisticDrift[]> {
    const drift: StatisticDrift[] = [];
    for (const { table, key, column, real } of TABLES) {
      const rows: ({
        prefecture_id: string;
        metric: string;
        label: string;
        counted: string | number;
        actual: string | number;
      } & Record<string, string>)[] = await manager.query(
        `SELECT ${key}, SUM(counted) AS counted, SUM(actual) AS actual FROM (
             SELECT ${key}, n AS counted, 0 AS actual FROM ${table}
             UNION ALL SELECT ${key}, 0, n FROM (${real(this.realSql())}) AS c) AS both_sides
           GROUP BY ${key} HAVING SUM(counted) <> SUM(actual)`,
      );
      drift.push(
        ...rows.map((row) => ({
          prefectureId: row.prefecture_id,
          day: row[column],
          metric: row.metric,
          label: row.label,
          counted: Number(row.counted),
          real: Number(row.actual),
        })),
      );
    }
    return drift;
  }
}
