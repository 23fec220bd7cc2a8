import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActorType, CardApplicationState, ImageRequestState } from '@t3p/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import {
  CardApplicationEntity,
  DriverEntity,
  ImageRequestEntity,
  PrefectureEntity,
} from '../../database/entities';
import { date, requestOfRow, type ContextRow } from '../../database/raw-rows';

/** A request with everything its emails and checks need. */
export interface RequestContext {
  request: ImageRequestEntity;
  application: CardApplicationEntity &
    Required<Pick<CardApplicationEntity, 'driver' | 'prefecture'>>;
}

export interface NewAuditEntry {
  applicationId: string;
  requestId: string | null;
  actorType: ActorType;
  actorId: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  at: Date;
}

const AUDIT_COLUMNS: [string, string][] = [
  ['id', 'varchar'],
  ['application_id', 'varchar'],
  ['request_id', 'varchar'],
  ['actor_type', 'varchar'],
  ['actor_id', 'varchar'],
  ['action', 'varchar'],
  ['from_state', 'varchar'],
  ['to_state', 'varchar'],
  ['reason', 'varchar'],
  ['at', 'timestamptz'],
];

/**
 * Many rows in one statement: on PostgreSQL one array parameter per column (`unnest`), so the
 * statement stays small whatever the batch; on SQLite a multi-row VALUES.
 */
export async function insertRows(
  manager: EntityManager,
  table: string,
  columns: [string, string][],
  rows: unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => name).join(', ');
  if (manager.connection.options.type === 'postgres') {
    const arrays = columns.map((_column, index) => rows.map((row) => row[index]));
    const casts = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
    await manager.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${casts})`, arrays);
    return;
  }
  const sqliteValue = (value: unknown) =>
    value instanceof Date
      ? DateUtils.mixedDateToUtcDatetimeString(value)
      : typeof value === 'boolean'
        ? Number(value)
        : value;
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  await manager.query(
    `INSERT INTO ${table} (${names}) VALUES ${rows.map(() => placeholders).join(', ')}`,
    rows.flatMap((row) => row.map(sqliteValue)),
  );
}

/** The columns of a RequestContext: a request (`r`, read from `source`) joined to its application, driver and préfecture. */
const contextSelect = (
  source: string,
) => `SELECT r.id, r.application_id, r.prefecture_id, r.card_type, r.access_ref, r.photo_requested,
         r.signature_requested, r.reason_code, r.reason_text, r.state, r.created_by_agent_id, r.previous_request_id, r.created_at,
         r.reminded_at, r.submitted_at, r.decided_at, r.cancelled_at, r.terms_accepted_at, r.terms_version,
         a.driver_id, a.card_number, a.state AS application_state, a.card_valid_until,
         d.driver_identifier, d.civility, d.last_name, d.first_name, d.email, d.address_line1, d.address_line2,
         d.postal_code, d.city, d.purged_at, p.departement, p.name AS prefecture_name
    FROM ${source} r JOIN card_application a ON a.id = r.application_id
    JOIN driver d ON d.id = a.driver_id JOIN prefecture p ON p.id = a.prefecture_id`;

function toContext(row: ContextRow): RequestContext {
  const request = requestOfRow(row);
  const driver: DriverEntity = {
    id: row['driver_id'] as string,
    driverIdentifier: row['driver_identifier'] as string,
    civility: row['civility'] as DriverEntity['civility'],
    lastName: row['last_name'] as string,
    firstName: row['first_name'] as string,
    email: row['email'] as string,
    addressLine1: row['address_line1'] as string,
    addressLine2: (row['address_line2'] as string | null) ?? null,
    postalCode: row['postal_code'] as string,
    city: row['city'] as string,
    purgedAt: date(row['purged_at']),
    createdAt: request.createdAt,
  };
  const prefecture = {
    id: request.prefectureId,
    departement: row['departement'] as string,
    name: row['prefecture_name'] as string,
  } as PrefectureEntity;
  const application = {
    id: request.applicationId,
    driverId: driver.id,
    prefectureId: request.prefectureId,
    cardType: request.cardType,
    cardNumber: row['card_number'] as string,
    state: row['application_state'] as CardApplicationEntity['state'],
    cardValidUntil: date(row['card_valid_until']),
    createdAt: request.createdAt,
    updatedAt: request.createdAt,
    driver,
    prefecture,
  };
  return { request, application };
}

/**
 * The writes of one transition, inside one transaction. Every state change is a conditional
 * update that reports whether this caller won it; the caller then writes the audit entry and
 * queues the email with the same `manager`, so all of it commits or none of it.
 */
export class TransitionScope {
  constructor(readonly manager: EntityManager) {}

  private get postgres(): boolean {
    return this.manager.connection.options.type === 'postgres';
  }

  /** Raw SQL with named parameters, portable (dates converted for SQLite). Returns the rows. */
  private async sql<T>(query: string, parameters: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.manager.connection.driver.escapeQueryWithParameters(
      query,
      parameters,
      {},
    );
    const runner = this.manager.queryRunner;
    if (!runner) throw new Error('TransitionScope is used outside its transaction');
    const result = await runner.query(text, values, true);
    return (result.records ?? []) as T[];
  }

  /** `UPDATE image_request SET … WHERE id = ? AND state IN (expected)`: true when this caller won. */
  async moveRequest(
    requestId: string,
    from: readonly ImageRequestState[],
    to: ImageRequestState,
    set: Partial<
      Pick<ImageRequestEntity, 'remindedAt' | 'submittedAt' | 'decidedAt' | 'cancelledAt'>
    > = {},
  ): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(ImageRequestEntity)
      .set({ state: to, ...set })
      .where('id = :requestId AND state IN (:...from)', { requestId, from })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** True while the request is open for upload; the row stays locked until the transaction ends. */
  async lockOpenForUpload(requestId: string): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(ImageRequestEntity)
      .set({ state: () => 'state' })
      .where("id = :requestId AND state IN ('PENDING', 'REMINDED')", { requestId })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /**
   * The driver's "Valider": one conditional update that also requires the terms accepted and a
   * DRAFT image for every requested piece, so no concurrent discard or second submit can slip in.
   */
  async submitRequest(requestId: string, at: Date): Promise<boolean> {
    const rows = await this.sql<{ id: string }>(
      `UPDATE image_request SET state = 'SUBMITTED', submitted_at = :at
        WHERE id = :requestId AND state IN ('PENDING', 'REMINDED') AND terms_accepted_at IS NOT NULL
          AND (NOT photo_requested OR EXISTS (SELECT 1 FROM stored_image s
                WHERE s.request_id = image_request.id AND s.piece = 'PHOTO' AND s.state = 'DRAFT'))
          AND (NOT signature_requested OR EXISTS (SELECT 1 FROM stored_image s
                WHERE s.request_id = image_request.id AND s.piece = 'SIGNATURE' AND s.state = 'DRAFT'))
        RETURNING id`,
      { requestId, at },
    );
    return rows.length === 1;
  }

  /**
   * The agent's decision: SUBMITTED → VALIDATED or REJECTED in one conditional update that also
   * requires the submitted image of every requested piece, so no decision is recorded on a
   * request whose images are missing.
   */
  /** `codes`: the catalogue reason of each refused image, written in the same statement (the statistics' triggers read them). */
  async decideRequest(
    requestId: string,
    to: 'VALIDATED' | 'REJECTED',
    at: Date,
    codes: { photo?: string | null; signature?: string | null } = {},
  ): Promise<boolean> {
    const rows = await this.sql<{ id: string }>(
      `UPDATE image_request SET state = :to, decided_at = :at, photo_rejection_code = :photoCode, signature_rejection_code = :signatureCode
        WHERE id = :requestId AND state = 'SUBMITTED'
          AND (NOT photo_requested OR EXISTS (SELECT 1 FROM stored_image s
                WHERE s.request_id = image_request.id AND s.piece = 'PHOTO' AND s.state = 'SUBMITTED'))
          AND (NOT signature_requested OR EXISTS (SELECT 1 FROM stored_image s
                WHERE s.request_id = image_request.id AND s.piece = 'SIGNATURE' AND s.state = 'SUBMITTED'))
        RETURNING id`,
      { requestId, to, at, photoCode: codes.photo ?? null, signatureCode: codes.signature ?? null },
    );
    return rows.length === 1;
  }

  async acceptTerms(requestId: string, at: Date, version: string): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(ImageRequestEntity)
      .set({ termsAcceptedAt: at, termsVersion: version })
      .where("id = :requestId AND state IN ('PENDING', 'REMINDED')", { requestId })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async setApplicationState(
    applicationIds: string[],
    state: CardApplicationState,
    at: Date,
  ): Promise<void> {
    if (applicationIds.length === 0) return;
    await this.manager
      .createQueryBuilder()
      .update(CardApplicationEntity)
      .set({ state, updatedAt: at })
      .where('id IN (:...applicationIds)', { applicationIds })
      .execute();
  }

  applicationOfPrefecture(
    applicationId: string,
    prefectureId: string,
  ): Promise<CardApplicationEntity | null> {
    if (!applicationId || !prefectureId) return Promise.resolve(null);
    return this.manager
      .getRepository(CardApplicationEntity)
      .findOneBy({ id: applicationId, prefectureId });
  }

  async insertRequest(request: ImageRequestEntity): Promise<void> {
    await this.manager.insert(ImageRequestEntity, request);
  }

  async audit(entries: NewAuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await insertRows(
      this.manager,
      'audit_entry',
      AUDIT_COLUMNS,
      entries.map((entry) => [
        randomUUID(),
        entry.applicationId,
        entry.requestId,
        entry.actorType,
        entry.actorId,
        entry.action,
        entry.fromState,
        entry.toState,
        entry.reason,
        entry.at,
      ]),
    );
  }

  /**
   * Set-based scheduler step: moves up to `limit` requests in `from` whose date column is at or
   * before `cutoff` to `to`, and returns them with what their emails need. On PostgreSQL it is
   * one statement: the candidates are claimed with FOR UPDATE SKIP LOCKED, so concurrent
   * instances take disjoint rows and never wait; the repeated `state = from` makes a row that
   * changed meanwhile drop out; the moved rows are joined to their application, driver and
   * préfecture in the same round trip. On SQLite the update runs under the database's single
   * write lock, then the join reads the moved rows. The partial indexes
   * idx_image_request_due_reminder / _due_cancellation serve the candidates' SELECT.
   */
  async claimDue(
    from: 'PENDING' | 'REMINDED',
    to: 'REMINDED' | 'CANCELLED',
    cutoff: Date,
    now: Date,
    limit: number,
  ): Promise<RequestContext[]> {
    const dateColumn = from === 'PENDING' ? 'created_at' : 'reminded_at';
    const stampColumn = to === 'REMINDED' ? 'reminded_at' : 'cancelled_at';
    const parameters = { from, to, cutoff, now, limit };
    if (this.postgres) {
      const rows = await this.sql<ContextRow>(
        `WITH due AS (SELECT id FROM image_request WHERE state = :from AND ${dateColumn} <= :cutoff
                       ORDER BY ${dateColumn} LIMIT :limit FOR UPDATE SKIP LOCKED),
              moved AS (UPDATE image_request r SET state = :to, ${stampColumn} = :now FROM due
                         WHERE r.id = due.id AND r.state = :from RETURNING r.*)
         ${contextSelect('moved')}`,
        parameters,
      );
      return rows.map(toContext);
    }
    const moved = await this.sql<{ id: string }>(
      `UPDATE image_request SET state = :to, ${stampColumn} = :now
        WHERE id IN (SELECT id FROM image_request WHERE state = :from AND ${dateColumn} <= :cutoff
                      ORDER BY ${dateColumn} LIMIT :limit)
          AND state = :from
       RETURNING id`,
      parameters,
    );
    return this.contexts(moved.map((row) => row.id));
  }

  /**
   * Retention purge, set-based: drivers not yet purged whose every application has a card that
   * ended on or before `cutoff` lose their name, address and email; returns them and their
   * applications, whose images and emails the caller deletes through the Images and
   * Notifications modules in the same transaction. SKIP LOCKED on PostgreSQL.
   */
  async purgeDrivers(
    cutoff: Date,
    now: Date,
    limit: number,
  ): Promise<{ driverIds: string[]; applicationIds: string[] }> {
    const candidates = `SELECT d.id FROM driver d
        WHERE d.purged_at IS NULL
          AND EXISTS (SELECT 1 FROM card_application a WHERE a.driver_id = d.id)
          AND NOT EXISTS (SELECT 1 FROM card_application a WHERE a.driver_id = d.id
                           AND (a.card_valid_until IS NULL OR a.card_valid_until > :cutoff))
        LIMIT :limit${this.postgres ? ' FOR UPDATE OF d SKIP LOCKED' : ''}`;
    const erased = this.postgres
      ? "'effacé-' || id || '@invalid'"
      : "'effacé-' || id || '@invalid'";
    const drivers = await this.sql<{ id: string }>(
      `UPDATE driver SET last_name = '—', first_name = '—', email = ${erased}, address_line1 = '—',
              address_line2 = NULL, postal_code = '—', city = '—', purged_at = :now
        WHERE id IN (${candidates}) AND purged_at IS NULL
       RETURNING id`,
      { cutoff, now, limit },
    );
    const driverIds = drivers.map((row) => row.id);
    if (driverIds.length === 0) return { driverIds, applicationIds: [] };
    const applications = await this.manager
      .getRepository(CardApplicationEntity)
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .where('a.driver_id IN (:...driverIds)', { driverIds })
      .getRawMany<{ id: string }>();
    // The search column held the erased names and email: it goes with them.
    await this.manager
      .createQueryBuilder()
      .update(CardApplicationEntity)
      .set({ searchText: '' })
      .where('driver_id IN (:...driverIds)', { driverIds })
      .execute();
    return { driverIds, applicationIds: applications.map((row) => row.id) };
  }

  /**
   * Requests with their application, driver and préfecture: one join, the columns the emails need.
   * On PostgreSQL the ids travel as one array parameter: a scheduler batch of 2,000 ids as 2,000
   * parameters cost more to parse and plan than the join itself.
   */
  async contexts(requestIds: string[]): Promise<RequestContext[]> {
    if (requestIds.length === 0) return [];
    const rows = await this.sql<ContextRow>(
      `${contextSelect('image_request')} WHERE ${this.postgres ? 'r.id = ANY(CAST(:requestIds AS varchar[]))' : 'r.id IN (:...requestIds)'}`,
      { requestIds },
    );
    return rows.map(toContext);
  }

  async context(requestId: string): Promise<RequestContext | null> {
    return (await this.contexts([requestId]))[0] ?? null;
  }
}

/** The only code that writes image requests and their audit trail. */
@Injectable()
export class RequestTransitionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: state changes, audit entries and outbox rows commit together. */
  run<T>(work: (scope: TransitionScope) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new TransitionScope(manager)));
  }
}
