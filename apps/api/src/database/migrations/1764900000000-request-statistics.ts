import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

type Engine = 'postgres' | 'sqlite';

/** Ratio between the bounds of two consecutive duration buckets: a median read from them is within ±2.5 %. */
export const DURATION_BUCKET_RATIO = 1.05;

/** The calendar day in Paris (YYYY-MM-DD) of a timestamp column. SQLite applies France's rule (EU, since 1996) itself. */
function parisDay(engine: Engine, column: string): string {
  if (engine === 'postgres') return `to_char(${column} AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD')`;
  const change = (month: string) =>
    `datetime(date(strftime('%Y', ${column}) || '-${month}-01', 'weekday 0', '-7 days'), '+1 hour')`;
  return `date(${column}, CASE WHEN ${column} >= ${change('04')} AND ${column} < ${change('11')} THEN '+2 hours' ELSE '+1 hour' END)`;
}

/** The duration bucket (as text) between two timestamps: 0 under a second, else 1 + ⌊log₁.₀₅(seconds)⌋. */
function bucket(engine: Engine, from: string, to: string): string {
  const seconds =
    engine === 'postgres'
      ? `EXTRACT(EPOCH FROM (${to} - ${from}))`
      : `((julianday(${to}) - julianday(${from})) * 86400.0)`;
  const index = `CASE WHEN ${seconds} < 1 THEN 0 ELSE 1 + floor(ln(${seconds}) / ln(${DURATION_BUCKET_RATIO})) END`;
  return engine === 'postgres'
    ? `CAST(CAST(${index} AS integer) AS varchar)`
    : `CAST(CAST(${index} AS INTEGER) AS TEXT)`;
}

/**
 * What the rows of `source` (image_request's columns) contribute to request_stat, one line per
 * (prefecture_id, day, metric, label) with `sign` each — the triggers add it for new rows and
 * subtract it for old ones; the consistency check sums it over image_request.
 */
export function statisticsContributionSql(engine: Engine, source: string, sign: number): string {
  const decided = `decided_at IS NOT NULL AND state IN ('VALIDATED', 'REJECTED')`;
  return `SELECT prefecture_id, ${parisDay(engine, 'created_at')} AS day, 'CREATED' AS metric, state AS label, ${sign} AS n FROM ${source}
    UNION ALL SELECT prefecture_id, ${parisDay(engine, 'submitted_at')}, 'TO_SUBMISSION', ${bucket(engine, 'created_at', 'submitted_at')}, ${sign}
      FROM ${source} WHERE submitted_at IS NOT NULL
    UNION ALL SELECT prefecture_id, ${parisDay(engine, 'decided_at')}, 'DECIDED', state, ${sign} FROM ${source} WHERE ${decided}
    UNION ALL SELECT prefecture_id, ${parisDay(engine, 'decided_at')}, 'TO_DECISION', ${bucket(engine, 'submitted_at', 'decided_at')}, ${sign}
      FROM ${source} WHERE ${decided} AND submitted_at IS NOT NULL
    UNION ALL SELECT prefecture_id, ${parisDay(engine, 'decided_at')}, 'REJECTED_FOR', photo_rejection_code, ${sign}
      FROM ${source} WHERE state = 'REJECTED' AND decided_at IS NOT NULL AND photo_rejection_code IS NOT NULL
    UNION ALL SELECT prefecture_id, ${parisDay(engine, 'decided_at')}, 'REJECTED_FOR', signature_rejection_code, ${sign}
      FROM ${source} WHERE state = 'REJECTED' AND decided_at IS NOT NULL AND signature_rejection_code IS NOT NULL
       AND (photo_rejection_code IS NULL OR photo_rejection_code <> signature_rejection_code)`;
}

const STAT_KEY = 'prefecture_id, day, metric, label';
const MONTH_KEY = 'prefecture_id, month, metric, label';
/** A month's rows from contribution rows (`day` → its YYYY-MM). */
const monthsOf = (rows: string) =>
  `SELECT prefecture_id, substr(day, 1, 7) AS month, metric, label, SUM(n) AS n FROM ${rows} GROUP BY prefecture_id, substr(day, 1, 7), metric, label`;
/** The columns a contribution reads: a change of any other column contributes nothing. */
const READ_COLUMNS = [
  'prefecture_id',
  'state',
  'created_at',
  'submitted_at',
  'decided_at',
  'photo_rejection_code',
  'signature_rejection_code',
];

/**
 * The statistics panel (issue 18).
 *
 * - `image_request.photo_rejection_code` / `signature_rejection_code`: the catalogue reason
 *   (REQUEST_REASONS) the agent started from when refusing each image (OTHER for a free text),
 *   kept with the request so the rates survive the images' retention purge.
 * - `request_stat`: a daily rollup per préfecture, in Paris days, of signed deltas like
 *   request_count, written by triggers in the same statement as every change of image_request:
 *   requests created per current state (CREATED), decisions per outcome (DECIDED) and per
 *   rejection reason (REJECTED_FOR), and the durations request → submission (TO_SUBMISSION, by
 *   day of submission) and submission → decision (TO_DECISION, by day of decision) as counts in
 *   log-scale buckets (ratio 1.05), from which a median is read to ±2.5 %.
 * - `request_stat_month`: the same per Paris month (YYYY-MM), written by the same triggers, so
 *   that a period reads its whole months there and only its first and last days in request_stat:
 *   a year costs some 12 months' and 60 days' rows, whatever the number of requests.
 */
export class RequestStatistics1764900000000 implements MigrationInterface {
  name = 'RequestStatistics1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const engine: Engine =
      queryRunner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
    // A plain ADD COLUMN: TypeORM's addColumn rebuilds the table on SQLite, which drops its triggers (request_count's).
    for (const name of ['photo_rejection_code', 'signature_rejection_code']) {
      await queryRunner.query(`ALTER TABLE image_request ADD COLUMN ${name} varchar(40) NULL`);
    }
    // The refusals recorded before: their reason is a free text, « Autre motif », for each image refused (before the triggers).
    for (const piece of ['PHOTO', 'SIGNATURE']) {
      await queryRunner.query(
        `UPDATE image_request SET ${piece.toLowerCase()}_rejection_code = 'OTHER' WHERE state = 'REJECTED' AND EXISTS
           (SELECT 1 FROM stored_image s WHERE s.request_id = image_request.id AND s.piece = '${piece}' AND s.state = 'REJECTED')`,
      );
    }
    for (const [table, period, length] of [
      ['request_stat', 'day', '10'],
      ['request_stat_month', 'month', '7'],
    ]) {
      const keys: [string, string][] = [
        ['prefecture_id', '36'],
        [period, length],
        ['metric', '16'],
        ['label', '40'],
      ];
      await queryRunner.createTable(
        new Table({
          name: table,
          columns: [
            ...keys.map(([name, size]) => ({ name, type: 'varchar', length: size })),
            { name: 'n', type: 'integer' },
          ],
          indices: [
            new TableIndex({
              name: `idx_${table}_prefecture`,
              columnNames: keys.map(([name]) => name),
            }),
          ],
        }),
      );
    }
    if (engine === 'postgres') await this.postgresTriggers(queryRunner);
    else await this.sqliteTriggers(queryRunner);
    await queryRunner.query(
      `INSERT INTO request_stat (${STAT_KEY}, n) SELECT ${STAT_KEY}, SUM(n) FROM (${statisticsContributionSql(engine, 'image_request', 1)}) AS c
        GROUP BY ${STAT_KEY}`,
    );
    await queryRunner.query(
      `INSERT INTO request_stat_month (${MONTH_KEY}, n) ${monthsOf('request_stat')}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const statements = ['insert', 'update', 'delete'].flatMap((event) =>
      postgres
        ? [
            `DROP TRIGGER IF EXISTS trg_image_request_stat_${event} ON image_request`,
            `DROP FUNCTION IF EXISTS t3p_request_stat_${event}()`,
          ]
        : [`DROP TRIGGER IF EXISTS trg_image_request_stat_${event}`],
    );
    statements.push('DROP TABLE request_stat_month', 'DROP TABLE request_stat');
    statements.push(
      ...['photo', 'signature'].map(
        (piece) => `ALTER TABLE image_request DROP COLUMN ${piece}_rejection_code`,
      ),
    );
    for (const statement of statements) await queryRunner.query(statement);
  }

  private async postgresTriggers(queryRunner: QueryRunner): Promise<void> {
    // Statement-level, with the transition tables: new rows add their contribution, old rows take theirs away.
    const sides: Record<string, ('NEW' | 'OLD')[]> = {
      insert: ['NEW'],
      update: ['NEW', 'OLD'],
      delete: ['OLD'],
    };
    for (const [event, tables] of Object.entries(sides)) {
      const rows = (side: 'NEW' | 'OLD') => `${side.toLowerCase()}_rows`;
      const select = tables
        .map((side) => statisticsContributionSql('postgres', rows(side), side === 'NEW' ? 1 : -1))
        .join(' UNION ALL ');
      const name = `t3p_request_stat_${event}`;
      await queryRunner.query(
        `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
           WITH delta AS (SELECT ${STAT_KEY}, SUM(n) AS n FROM (${select}) AS c GROUP BY ${STAT_KEY} HAVING SUM(n) <> 0),
                days AS (INSERT INTO request_stat (${STAT_KEY}, n) SELECT ${STAT_KEY}, n FROM delta)
           INSERT INTO request_stat_month (${MONTH_KEY}, n) ${monthsOf('delta')};
           RETURN NULL;
         END $$`,
      );
      const referencing = tables.map((side) => `${side} TABLE AS ${rows(side)}`).join(' ');
      await queryRunner.query(
        `CREATE TRIGGER trg_image_request_stat_${event} AFTER ${event.toUpperCase()} ON image_request
           REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
      );
    }
  }

  private async sqliteTriggers(queryRunner: QueryRunner): Promise<void> {
    const row = (alias: 'NEW' | 'OLD') =>
      `(SELECT ${READ_COLUMNS.map((column) => `${alias}.${column} AS ${column}`).join(', ')})`;
    const add = (alias: 'NEW' | 'OLD', sign: number) => {
      const rows = `(${statisticsContributionSql('sqlite', row(alias), sign)})`;
      return `INSERT INTO request_stat (${STAT_KEY}, n) SELECT ${STAT_KEY}, n FROM ${rows};
        INSERT INTO request_stat_month (${MONTH_KEY}, n) ${monthsOf(rows)};`;
    };
    const changed = READ_COLUMNS.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ');
    await queryRunner.query(
      `CREATE TRIGGER trg_image_request_stat_insert AFTER INSERT ON image_request BEGIN ${add('NEW', 1)} END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_image_request_stat_update AFTER UPDATE OF ${READ_COLUMNS.join(', ')} ON image_request WHEN ${changed}
       BEGIN ${add('OLD', -1)} ${add('NEW', 1)} END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_image_request_stat_delete AFTER DELETE ON image_request BEGIN ${add('OLD', -1)} END`,
    );
  }
}
