import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../app/create-app';
import { seedDemo, Session, signInAgent } from '../../auth/auth-test-kit';
import { loadEnvironment } from '../../config/environment';
import { LifecycleScheduler } from '../../scheduler/lifecycle-scheduler.service';
import { usesPostgres } from '../../testing/postgres';
import { startTestApp, TestApp } from '../../testing/test-app';
import { as, insertApplication, insertPendingRequests } from '../lifecycle-test-kit';
import { RequestCountsRepository } from './request-counts.repository';
import { RequestCountsService } from './request-counts.service';
import { TimedTransitionsService } from '../lifecycle/timed-transitions.service';

const DAY = 86_400_000;

/** Runs a batch job until it has nothing left to do. */
async function drain(batch: () => Promise<number>): Promise<void> {
  while ((await batch()) > 0);
}

/** The real count, grouped like the maintained one. */
async function realCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const rows: { prefecture_id: string; state: string; card_type: string; n: string | number }[] =
    await dataSource.query(
      'SELECT prefecture_id, state, card_type, COUNT(*) AS n FROM image_request GROUP BY prefecture_id, state, card_type',
    );
  return Object.fromEntries(
    rows.map((row) => [`${row.prefecture_id}/${row.state}/${row.card_type}`, Number(row.n)]),
  );
}

async function maintainedCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const rows: { prefecture_id: string; state: string; card_type: string; n: string | number }[] =
    await dataSource.query(
      'SELECT prefecture_id, state, card_type, SUM(n) AS n FROM request_count GROUP BY prefecture_id, state, card_type',
    );
  return Object.fromEntries(
    rows
      .filter((row) => Number(row.n) !== 0)
      .map((row) => [`${row.prefecture_id}/${row.state}/${row.card_type}`, Number(row.n)]),
  );
}

/** The maintained counts of image requests (trigger deltas, folds, the consistency check) on the engine of the run. */
describe('request counts', () => {
  let test: TestApp;
  let nord: Session;
  let dataSource: DataSource;

  beforeAll(async () => {
    test = await startTestApp({ SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000' });
    test.clock.set(new Date('2026-03-02T09:00:00Z'));
    await seedDemo(test);
    nord = await signInAgent(test, 'agent.nord@demo.t3p.example');
    dataSource = test.app.get(DataSource);
  });
  afterAll(() => test.close());

  it('follow every insert and transition, per state and per card type', async () => {
    const before = await (await as(test, nord)('/api/agent/dashboard/overview')).json();
    const application = await insertApplication(test, { departement: '59', cardType: 'VMDTR' });
    const created = await as(test, nord)(
      `/api/agent/applications/${application.applicationId}/requests`,
      {
        json: { pieces: ['PHOTO'], reasonCode: 'PHOTO_BLURRY' },
      },
    );
    expect(created.status).toBe(201);
    await insertPendingRequests(test, '59', 5, new Date(test.clock.now().getTime() - 20 * DAY));
    expect(await test.app.get(TimedTransitionsService).remindDue()).toBeGreaterThanOrEqual(5);

    const after = await (await as(test, nord)('/api/agent/dashboard/overview')).json();
    expect(after.total).toBe(before.total + 6);
    expect(after.countsByCardType.VMDTR).toBe(before.countsByCardType.VMDTR + 1);
    expect(after.countsByCardType.TAXI).toBe(before.countsByCardType.TAXI + 5);
    expect(
      Object.values(after.countsByCardType as Record<string, number>).reduce((a, b) => a + b, 0),
    ).toBe(after.total);
    expect(await maintainedCounts(dataSource)).toEqual(await realCounts(dataSource));
    expect(await test.app.get(RequestCountsRepository).drift()).toEqual([]);
  });

  it('fold the deltas into one row per key without changing a count', async () => {
    const counts = await maintainedCounts(dataSource);
    const [{ rows: before }] = await dataSource.query('SELECT COUNT(*) AS rows FROM request_count');
    await test.app.get(RequestCountsRepository).fold();
    const [{ rows: folded, keys }] = await dataSource.query(
      `SELECT COUNT(*) AS rows, COUNT(DISTINCT prefecture_id || state || card_type) AS keys FROM request_count`,
    );
    expect(Number(folded)).toBe(Number(keys));
    expect(Number(folded)).toBeLessThan(Number(before));
    expect(await maintainedCounts(dataSource)).toEqual(counts);
  });

  it('are checked against a real count by the scheduler tick, which repairs and reports a drift', async () => {
    const counts = await realCounts(dataSource);
    const [{ id: prefectureId }] = await dataSource.query(
      `SELECT id FROM prefecture WHERE departement = '59'`,
    );
    // A counter row written behind the triggers' back.
    await dataSource.query(
      `INSERT INTO request_count (prefecture_id, state, card_type, n) VALUES (${usesPostgres() ? '$1' : '?'}, 'SUBMITTED', 'VTC', 7)`,
      [prefectureId],
    );
    expect(await test.app.get(RequestCountsRepository).drift()).toEqual([
      {
        prefectureId,
        state: 'SUBMITTED',
        cardType: 'VTC',
        counted: (counts[`${prefectureId}/SUBMITTED/VTC`] ?? 0) + 7,
        real: counts[`${prefectureId}/SUBMITTED/VTC`] ?? 0,
      },
    ]);
    // The tick's upkeep folds, and (first tick of this process) compares with a real count.
    await test.app.get(LifecycleScheduler).tick();
    expect(await maintainedCounts(dataSource)).toEqual(counts);
    expect(await test.app.get(RequestCountsService).check()).toEqual([]);
  });
});

/**
 * Two API instances (each its own Nest app and connection pool) on one PostgreSQL database:
 * scheduler batches, request creations through both HTTP servers and folds, all at once; the
 * maintained counts end equal to a real count. Runs in the PostgreSQL pass (DATABASE_URL).
 */
(usesPostgres() ? describe : describe.skip)(
  'request counts under concurrent transitions on two instances',
  () => {
    let test: TestApp;
    let second: NestFastifyApplication;
    let secondUrl: string;
    let nord: Session;

    beforeAll(async () => {
      test = await startTestApp({ SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000' });
      test.clock.set(new Date('2026-05-04T07:00:00Z'));
      second = await createApp({
        environment: loadEnvironment({
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          SCHEDULER_ENABLED: 'false',
          MIGRATIONS_RUN: 'false',
          PORT: '0',
          STATIC_DIR: 'dist/apps',
          DATABASE_URL: test.environment.DATABASE_URL as string,
        }),
        clock: test.clock,
      });
      await second.listen({ port: 0, host: '127.0.0.1' });
      const address = second.getHttpServer().address();
      secondUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      await seedDemo(test);
      nord = await signInAgent(test, 'agent.nord@demo.t3p.example');
    }, 120_000);
    afterAll(async () => {
      await second?.close();
      await test?.close();
    });

    it('never drift', async () => {
      const dataSource = test.app.get(DataSource);
      expect(second.get(DataSource)).not.toBe(dataSource);
      await insertPendingRequests(test, '59', 600, new Date(test.clock.now().getTime() - 20 * DAY));
      await insertPendingRequests(test, '62', 200, new Date(test.clock.now().getTime() - 20 * DAY));
      const applications = await Promise.all(
        Array.from({ length: 20 }, () => insertApplication(test, { departement: '59' })),
      );
      const timed = [test.app.get(TimedTransitionsService), second.get(TimedTransitionsService)];
      const folds = [test.app.get(RequestCountsRepository), second.get(RequestCountsRepository)];
      const create = (index: number) =>
        as(index % 2 ? { ...test, url: secondUrl } : test, nord)(
          `/api/agent/applications/${applications[index].applicationId}/requests`,
          {
            json: { pieces: ['SIGNATURE'], reasonCode: 'SIGNATURE_ILLEGIBLE' },
          },
        ).then((response) => expect(response.status).toBe(201));

      await Promise.all([
        ...[...timed, ...timed, ...timed].map((service) => drain(() => service.remindDue(50))),
        ...applications.map((_application, index) => create(index)),
        ...folds.flatMap((fold) => [fold.fold(), fold.fold()]),
      ]);
      expect(await maintainedCounts(dataSource)).toEqual(await realCounts(dataSource));

      test.clock.set(new Date(test.clock.now().getTime() + 40 * DAY));
      await Promise.all([
        ...[...timed, ...timed].map((service) => drain(() => service.cancelDue(60))),
        ...folds.flatMap((fold) => [fold.fold(), fold.fold()]),
        second.get(RequestCountsService).check(),
      ]);
      const real = await realCounts(dataSource);
      const cancelled = Object.entries(real).filter(([key]) => key.endsWith('/CANCELLED/TAXI'));
      // The 800 inserted here, and the demo's own.
      expect(cancelled.reduce((sum, [, n]) => sum + n, 0)).toBeGreaterThanOrEqual(800);
      expect(await maintainedCounts(dataSource)).toEqual(real);
      expect(await test.app.get(RequestCountsRepository).drift()).toEqual([]);
      // Forty days later the morning's session has ended.
      const agent = await signInAgent(test, 'agent.nord@demo.t3p.example');
      const overviews = await Promise.all(
        [test.url, secondUrl].map((url) =>
          as({ ...test, url }, agent)('/api/agent/dashboard/overview').then((r) => r.json()),
        ),
      );
      // Nord: 600 inserted, 20 created through the two instances, the demo's 7.
      expect(overviews[0].total).toBe(600 + 20 + 7);
      expect(overviews[0]).toEqual(overviews[1]);
    }, 300_000);
  },
);
