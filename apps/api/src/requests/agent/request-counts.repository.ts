import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CardType, ImageRequestState } from '@t3p/contracts';
import { DataSource, EntityManager } from 'typeorm';

export interface CountRow {
  state: ImageRequestState;
  cardType: CardType;
  count: number;
}

export interface CountDrift {
  prefectureId: string;
  state: string;
  cardType: string;
  counted: number;
  real: number;
}

const KEY = 'prefecture_id, state, card_type';
/** Every (préfecture, state, card type) whose maintained count differs from a real count, read in one snapshot. */
const DRIFT_SQL = `SELECT ${KEY}, SUM(counted) AS counted, SUM(actual) AS actual FROM (
    SELECT ${KEY}, n AS counted, 0 AS actual FROM request_count
    UNION ALL SELECT ${KEY}, 0, 1 FROM image_request) AS both_sides
  GROUP BY ${KEY} HAVING SUM(counted) <> SUM(actual)`;

/**
 * The maintained counts of image requests (table request_count, written by the triggers of
 * migration 1764720000000 in the same statement as every change of image_request). The only
 * code reading or folding it.
 */
@Injectable()
export class RequestCountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** The préfecture's counts per state and card type: a sum over its few counter rows (one per key once folded). */
  async countsOf(prefectureId: string): Promise<CountRow[]> {
    const rows: { state: ImageRequestState; card_type: CardType; count: string | number }[] =
      await this.dataSource.query(
        `SELECT state, card_type, SUM(n) AS count FROM request_count WHERE prefecture_id = ${this.postgres ? '$1' : '?'}
        GROUP BY state, card_type`,
        [prefectureId],
      );
    return rows
      .map((row) => ({ state: row.state, cardType: row.card_type, count: Number(row.count) }))
      .filter((row) => row.count !== 0);
  }

  /**
   * Folds the deltas into one row per key. On PostgreSQL one statement: the rows it deletes are
   * those of its snapshot, so a delta committed meanwhile stays, and two folds at once cannot
   * count a row twice. On SQLite the transaction holds the database's write lock.
   */
  async fold(): Promise<void> {
    if (this.postgres) {
      await this.dataSource.query(
        `WITH gone AS (DELETE FROM request_count RETURNING ${KEY}, n)
         INSERT INTO request_count (${KEY}, n) SELECT ${KEY}, SUM(n) FROM gone GROUP BY ${KEY} HAVING SUM(n) <> 0`,
      );
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`CREATE TEMP TABLE IF NOT EXISTS request_count_fold (${KEY}, n)`);
      await manager.query(`DELETE FROM request_count_fold`);
      await manager.query(
        `INSERT INTO request_count_fold SELECT ${KEY}, SUM(n) FROM request_count GROUP BY ${KEY} HAVING SUM(n) <> 0`,
      );
      await manager.query(`DELETE FROM request_count`);
      await manager.query(
        `INSERT INTO request_count (${KEY}, n) SELECT ${KEY}, n FROM request_count_fold`,
      );
      await manager.query(`DELETE FROM request_count_fold`);
    });
  }

  /** The keys whose maintained count differs from a real count (a full read of image_request). */
  async drift(): Promise<CountDrift[]> {
    return this.driftWith(this.dataSource.manager);
  }

  /**
   * Recounts from image_request and replaces the counters, if they still differ. On PostgreSQL the
   * counter table is locked first (SHARE ROW EXCLUSIVE: the triggers' inserts wait), so no
   * transition can commit between the real count and the rewrite. Returns what was repaired.
   */
  async repair(): Promise<CountDrift[]> {
    return this.dataSource.transaction(async (manager) => {
      if (this.postgres)
        await manager.query('LOCK TABLE request_count IN SHARE ROW EXCLUSIVE MODE');
      const drift = await this.driftWith(manager);
      if (drift.length === 0) return drift;
      await manager.query('DELETE FROM request_count');
      await manager.query(
        `INSERT INTO request_count (${KEY}, n) SELECT ${KEY}, COUNT(*) FROM image_request GROUP BY ${KEY}`,
      );
      return drift;
    });
  }

  private async driftWith(manager: EntityManager): Promise<CountDrift[]> {
    const rows: {
      prefecture_id: string;
      state: string;
      card_type: string;
      counted: string | number;
      actual: string | number;
    }[] = await manager.query(DRIFT_SQL);
    return rows.map((row) => ({
      prefectureId: row.prefecture_id,
      state: row.state,
      cardType: row.card_type,
      counted: Number(row.counted),
      real: Number(row.actual),
    }));
  }
}
