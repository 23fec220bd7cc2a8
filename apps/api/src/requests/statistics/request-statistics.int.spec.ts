import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { seedDemo, Session, signInAgent } from '../../auth/auth-test-kit';
import { ImageRequestEntity, PrefectureEntity, StoredImageEntity } from '../../database/entities';
import { startTestApp, TestApp } from '../../testing/test-app';
import { as, insertApplication } from '../lifecycle-test-kit';
import { RequestStatisticsRepository } from './request-statistics.repository';
import { RequestStatisticsService } from './request-statistics.service';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Known {
  departement: '59' | '62';
  state: ImageRequestEntity['state'];
  createdAt: string;
  toSubmission?: number;
  toDecision?: number;
  photo?: string;
  signature?: string;
}

/** A small known data set: the figures each period must give are worked out by hand in the tests. */
const KNOWN: Known[] = [
  { departement: '59', state: 'PENDING', createdAt: '2025-01-10T10:00:00Z' },
  // 23:30 UTC on 10 January is 00:30 on the 11th in Paris (UTC+1): a request of the 11th.
  { departement: '59', state: 'REMINDED', createdAt: '2025-01-10T23:30:00Z' },
  {
    departement: '59',
    state: 'SUBMITTED',
    createdAt: '2025-01-11T08:00:00Z',
    toSubmission: 2 * DAY,
  },
  {
    departement: '59',
    state: 'VALIDATED',
    createdAt: '2025-01-12T08:00:00Z',
    toSubmission: 3 * DAY,
    toDecision: DAY,
  },
  {
    departement: '59',
    state: 'REJECTED',
    createdAt: '2025-01-12T09:00:00Z',
    toSubmission: 10 * DAY,
    toDecision: 2 * DAY,
    photo: 'PHOTO_BLURRY',
    signature: 'SIGNATURE_ILLEGIBLE',
  },
  {
    departement: '59',
    state: 'REJECTED',
    createdAt: '2025-01-13T09:00:00Z',
    toSubmission: 4 * DAY,
    toDecision: 6 * HOUR,
    photo: 'PHOTO_BLURRY',
  },
  { departement: '59', state: 'CANCELLED', createdAt: '2025-01-14T09:00:00Z' },
  // Summer time (UTC+2): 22:30 UTC on 1 July is 00:30 on the 2nd in Paris, 21:30 UTC still the 1st.
  { departement: '59', state: 'PENDING', createdAt: '2025-07-01T22:30:00Z' },
  { departement: '59', state: 'PENDING', createdAt: '2025-07-01T21:30:00Z' },
  // The Pas-de-Calais: never in the Nord's figures.
  {
    departement: '62',
    state: 'REJECTED',
    createdAt: '2025-01-12T08:00:00Z',
    toSubmission: HOUR,
    toDecision: HOUR,
    photo: 'FORMAT_INVALID',
  },
];

/** The statistics panel over the maintained daily rollup, on the engine of the run (SQLite, or PostgreSQL with DATABASE_URL). */
describe('request statistics', () => {
  let test: TestApp;
  let nord: Session;
  let pdc: Session;
  let dataSource: DataSource;
  const statistics = async (session: Session, query: string) => {
    const response = await as(test, session)(`/api/agent/dashboard/statistics${query}`);
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    test = await startTestApp({ SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000' });
    test.clock.set(new Date('2026-03-02T09:00:00Z'));
    await seedDemo(test);
    dataSource = test.app.get(DataSource);
    [nord, pdc] = await Promise.all(
      ['nord', 'pas-de-calais'].map((name) => signInAgent(test, `agent.${name}@demo.t3p.example`)),
    );
    for (const row of KNOWN) {
      const { applicationId } = await insertApplication(test, { departement: row.departement });
      const prefecture = await dataSource
        .getRepository(PrefectureEntity)
        .findOneByOrFail({ departement: row.departement });
      const createdAt = new Date(row.createdAt);
      const submittedAt =
        row.toSubmission === undefined ? null : new Date(createdAt.getTime() + row.toSubmission);
      await dataSource.getRepository(ImageRequestEntity).insert({
        id: randomUUID(),
        applicationId,
        prefectureId: prefecture.id,
        cardType: 'VTC',
        accessRef: randomBytes(24).toString('base64url'),
        photoRequested: true,
        signatureRequested: row.signature !== undefined,
        reasonCode: 'PHOTO_BLURRY',
        reasonText: 'La photo d’identité est floue.',
        state: row.state,
        createdByAgentId: null,
        previousRequestId: null,
        createdAt,
        remindedAt: null,
        submittedAt,
        decidedAt:
          submittedAt && row.toDecision !== undefined
            ? new Date(submittedAt.getTime() + row.toDecision)
            : null,
        cancelledAt: row.state === 'CANCELLED' ? new Date(createdAt.getTime() + 45 * DAY) : null,
        termsAcceptedAt: null,
        termsVersion: null,
        photoRejectionCode: row.photo ?? null,
        signatureRejectionCode: row.signature ?? null,
      });
    }
  });
  afterAll(() => test.close());

  it('give the exact figures of a known month: states, decisions, reasons, and the medians to ±2.5 %', async () => {
    const { status, body } = await statistics(nord, '?from=2025-01-01&to=2025-01-31');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      from: '2025-01-01',
      to: '2025-01-31',
      created: {
        byState: { PENDING: 1, REMINDED: 1, SUBMITTED: 1, VALIDATED: 1, REJECTED: 2, CANCELLED: 1 },
        total: 7,
      },
      decided: { total: 3, validated: 1, rejected: 2 },
      rejectionsByReason: [
        { code: 'PHOTO_BLURRY', count: 2 },
        { code: 'SIGNATURE_ILLEGIBLE', count: 1 },
      ],
      medianPrecision: 0.025,
    });
    expect(body.decided.rejectionRate).toBeCloseTo(2 / 3, 10);
    expect(body.rejectionsByReason.map((reason: { rate: number }) => reason.rate)).toEqual([
      2 / 3,
      1 / 3,
    ]);
    // Submissions after 2, 3, 4 and 10 days: the (lower) median is 3 days. Decisions after 6 h, 1 and 2 days: 1 day.
    for (const [median, count, seconds] of [
      [body.toSubmission, 4, (3 * DAY) / 1000],
      [body.toDecision, 3, DAY / 1000],
    ]) {
      expect(median.count).toBe(count);
      expect(Math.abs(median.seconds - seconds) / seconds).toBeLessThanOrEqual(0.025);
      expect(median.lowSeconds).toBeLessThanOrEqual(seconds);
      expect(median.highSeconds).toBeGreaterThanOrEqual(seconds);
    }
  });

  it('count each request on its day in Paris (winter and summer time), both ends of the period included', async () => {
    const eleventh = await statistics(nord, '?from=2025-01-11&to=2025-01-11');
    expect(eleventh.body.created).toMatchObject({
      byState: { REMINDED: 1, SUBMITTED: 1 },
      total: 2,
    });
    const july = await statistics(nord, '?from=2025-07-02&to=2025-07-02');
    expect(july.body.created.total).toBe(1);
    const both = await statistics(nord, '?from=2025-07-01&to=2025-07-02');
    expect(both.body.created.total).toBe(2);
    // Whole months from the monthly rollup, the days around them from the daily one: the same figures.
    const across = await statistics(nord, '?from=2024-12-15&to=2025-07-01');
    expect(across.body.created.total).toBe(8);
    expect(across.body.decided).toMatchObject({ total: 3, rejected: 2 });
    const daysOnly = await statistics(nord, '?from=2025-01-05&to=2025-02-10');
    expect(daysOnly.body.created.total).toBe(7);
    const empty = await statistics(nord, '?from=2024-01-01&to=2024-01-31');
    expect(empty.body).toMatchObject({
      created: { total: 0 },
      decided: { total: 0, rejectionRate: null },
      rejectionsByReason: [],
      toSubmission: null,
      toDecision: null,
    });
  });

  it('show each préfecture its own requests only: the Nord never sees the Pas-de-Calais', async () => {
    const nordJanuary = await statistics(nord, '?from=2025-01-01&to=2025-01-31');
    expect(
      nordJanuary.body.rejectionsByReason.map((reason: { code: string }) => reason.code),
    ).not.toContain('FORMAT_INVALID');
    const pdcJanuary = await statistics(pdc, '?from=2025-01-01&to=2025-01-31');
    expect(pdcJanuary.body).toMatchObject({
      created: { byState: { REJECTED: 1 }, total: 1 },
      decided: { total: 1, validated: 0, rejected: 1, rejectionRate: 1 },
      rejectionsByReason: [{ code: 'FORMAT_INVALID', count: 1, rate: 1 }],
    });
    expect(pdcJanuary.body.toSubmission.count).toBe(1);
  });

  it('answer 400 in French for a malformed, impossible, inverted or too long period, and default to the last 30 days', async () => {
    const cases: [string, RegExp][] = [
      ['?from=2025-1-1', /date de début doit être au format AAAA-MM-JJ/],
      ['?to=demain', /date de fin doit être au format AAAA-MM-JJ/],
      ['?from=2025-02-30&to=2025-03-01', /n’existe pas/],
      ['?from=2025-02-01&to=2025-01-31', /doit précéder/],
      ['?from=2020-01-01&to=2025-01-31', /ne peut pas dépasser/],
    ];
    for (const [query, message] of cases) {
      const { status, body } = await statistics(nord, query);
      expect(status).toBe(400);
      expect(JSON.stringify(body)).toMatch(message);
    }
    const { status, body } = await statistics(nord, '');
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: '2026-02-01', to: '2026-03-02' });
  });

  it('follow a decision recorded through the API, with the catalogue reason chosen for each refused image', async () => {
    const today = '?from=2026-03-02&to=2026-03-02';
    const before = (await statistics(nord, today)).body;
    // A demo request « À examiner » that carries its submitted photo.
    const [submitted] = await dataSource.query(
      `SELECT r.id FROM image_request r JOIN stored_image s ON s.request_id = r.id
        JOIN prefecture p ON p.id = r.prefecture_id
        WHERE r.state = 'SUBMITTED' AND p.departement = '59' AND r.photo_requested AND NOT r.signature_requested AND s.state = 'SUBMITTED'`,
    );
    expect(
      await dataSource.getRepository(StoredImageEntity).countBy({ requestId: submitted.id }),
    ).toBe(1);
    const review = await as(test, nord)(`/api/agent/requests/${submitted.id}/review`, {
      json: {
        decisions: [
          {
            piece: 'PHOTO',
            outcome: 'REJECTED',
            reasonCode: 'PHOTO_LIGHTING',
            reason: 'Le visage est trop sombre.',
          },
        ],
      },
    });
    expect(review.status).toBe(200);
    const after = (await statistics(nord, today)).body;
    expect(after.decided.rejected).toBe(before.decided.rejected + 1);
    expect(
      after.rejectionsByReason.find((reason: { code: string }) => reason.code === 'PHOTO_LIGHTING')
        ?.count,
    ).toBe(
      (before.rejectionsByReason.find(
        (reason: { code: string }) => reason.code === 'PHOTO_LIGHTING',
      )?.count ?? 0) + 1,
    );
    expect(after.toDecision.count).toBe((before.toDecision?.count ?? 0) + 1);
    // The follow-up request was created today too.
    expect(after.created.byState.PENDING).toBe(before.created.byState.PENDING + 1);
    const unknown = await as(test, nord)(`/api/agent/requests/${submitted.id}/review`, {
      json: {
        decisions: [{ piece: 'PHOTO', outcome: 'REJECTED', reasonCode: 'NOPE', reason: 'x' }],
      },
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain('motif de la liste');
  });

  it('never drift from a recount: folded without a change, and a damaged rollup is found and repaired', async () => {
    const repository = test.app.get(RequestStatisticsRepository);
    expect(await repository.drift()).toEqual([]);
    const january = (await statistics(nord, '?from=2025-01-01&to=2025-01-31')).body;
    const [{ rows: before }] = await dataSource.query('SELECT COUNT(*) AS rows FROM request_stat');
    await repository.fold();
    const [{ rows: folded }] = await dataSource.query('SELECT COUNT(*) AS rows FROM request_stat');
    expect(Number(folded)).toBeLessThan(Number(before));
    expect((await statistics(nord, '?from=2025-01-01&to=2025-01-31')).body).toEqual(january);
    expect(await repository.drift()).toEqual([]);

    await dataSource.query(
      `DELETE FROM request_stat WHERE metric = 'REJECTED_FOR' AND label = 'PHOTO_BLURRY'`,
    );
    await dataSource.query(
      `UPDATE request_stat_month SET n = n + 5 WHERE metric = 'CREATED' AND label = 'PENDING' AND month = '2025-07'`,
    );
    const repaired = await test.app.get(RequestStatisticsService).check();
    // The two refusals for a blurred photo were decided on 17 and 24 January.
    expect(repaired).toHaveLength(3);
    expect(repaired).toContainEqual(
      expect.objectContaining({
        day: '2025-07',
        metric: 'CREATED',
        label: 'PENDING',
        counted: 7,
        real: 2,
      }),
    );
    expect(repaired).toEqual(
      expect.arrayContaining(
        ['2025-01-17', '2025-01-24'].map((day) =>
          expect.objectContaining({
            metric: 'REJECTED_FOR',
            label: 'PHOTO_BLURRY',
            day,
            counted: 0,
            real: 1,
          }),
        ),
      ),
    );
    expect(await repository.drift()).toEqual([]);
    expect((await statistics(nord, '?from=2025-01-01&to=2025-01-31')).body).toEqual(january);
  });
});
