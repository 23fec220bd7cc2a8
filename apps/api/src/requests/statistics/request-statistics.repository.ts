import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { statisticsContributionSql } from '../../database/migrations/1764900000000-request-statistics';

export interface StatisticRow {
  metric: 'CREATED' | 'DECIDED' | 'REJECTED_FOR' | 'TO_SUBMISSION' | 'TO_DECISION';
  label: string;
  n: number;
}

export interface StatisticDrift {
  prefectureId: string;
  day: string;
  metric: string;
  label: string;
  counted: number;
  real: number;
}

const KEY = 'prefecture_id, day, metric, label';

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

  /** The sums of the préfecture's rollup rows over Paris days `from`…`to` (both included, YYYY-MM-DD). */
  async sumsOf(prefectureId: string, from: string, to: string): Promise<StatisticRow[]> {
    const [p1, p2, p3] = this.postgres ? ['$1', '$2', '$3'] : ['?', '?', '?'];
    const rows: { metric: StatisticRow['metric']; label: string; n: string | number }[] =
      await this.dataSource.query(
        `SELECT metric, label, SUM(n) AS n FROM request_stat WHERE prefecture_id = ${p1} AND day >= ${p2} AND day <= ${p3}
        GROUP BY metric, label`,
        [prefectureId, from, to],
      );
    return rows
      .map((row) => ({ metric: row.metric, label: row.label, n: Number(row.n) }))
      .filter((row) => row.n !== 0);
  }

  /** Folds the deltas into one row per key (see RequestCountsRepository.fold: the same reasoning). */
  async fold(): Promise<void> {
    if (this.postgres) {
      await this.dataSource.query(
        `WITH gone AS (DELETE FROM request_stat RETURNING ${KEY}, n)
         INSERT INTO request_stat (${KEY}, n) SELECT ${KEY}, SUM(n) FROM gone GROUP BY ${KEY} HAVING SUM(n) <> 0`,
      );
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`CREATE TEMP TABLE IF NOT EXISTS request_stat_fold (${KEY}, n)`);
      await manager.query(`DELETE FROM request_stat_fold`);
      await manager.query(
        `INSERT INTO request_stat_fold SELECT ${KEY}, SUM(n) FROM request_stat GROUP BY ${KEY} HAVING SUM(n) <> 0`,
      );
      await manager.query(`DELETE FROM request_stat`);
      await manager.query(
        `INSERT INTO request_stat (${KEY}, n) SELECT ${KEY}, n FROM request_stat_fold`,
      );
      await manager.query(`DELETE FROM request_stat_fold`);
    });
  }

  /** The keys whose rollup differs from the figures recomputed from image_request (a full read). */
  async drift(): Promise<StatisticDrift[]> {
    return this.driftWith(this.dataSource.manager);
  }

  /** Recomputes the rollup from image_request if it still differs, the rollup locked meanwhile on PostgreSQL. */
  async repair(): Promise<StatisticDrift[]> {
    return this.dataSource.transaction(async (manager) => {
      if (this.postgres) await manager.query('LOCK TABLE request_stat IN SHARE ROW EXCLUSIVE MODE');
      const drift = await this.driftWith(manager);
      if (drift.length === 0) return drift;
      await manager.query('DELETE FROM request_stat');
      await manager.query(
        `INSERT INTO request_stat (${KEY}, n) SELECT ${KEY}, SUM(n) FROM (${this.realSql()}) AS c GROUP BY ${KEY}`,
      );
      return drift;
    });
  }

  private realSql(): string {
    return statisticsContributionSql(this.postgres ? 'postgres' : 'sqlite', 'image_request', 1);
  }

  private async driftWith(manager: EntityManager): Promise<StatisticDrift[]> {
    const rows: {
      prefecture_id: string;
      day: string;
      metric: string;
      label: string;
      counted: string | number;
      actual: string | number;
    }[] = await manager.query(
      `SELECT ${KEY}, SUM(counted) AS counted, SUM(actual) AS actual FROM (
           SELECT ${KEY}, n AS counted, 0 AS actual FROM request_stat
           UNION ALL SELECT ${KEY}, 0, n FROM (${this.realSql()}) AS c) AS both_sides
         GROUP BY ${KEY} HAVING SUM(counted) <> SUM(actual)`,
    );
    return rows.map((row) => ({
      prefectureId: row.prefecture_id,
      day: row.day,
      metric: row.metric,
      label: row.label,
      counted: Number(row.counted),
      real: Number(row.actual),
    }));
  }
}
