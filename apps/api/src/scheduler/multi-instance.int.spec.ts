import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { describeWithPostgres } from '../testing/describe-with-postgres';
import { postgresServerUrl, usesPostgres } from '../testing/postgres';
import type { TestApp } from '../testing/test-app';

const DUE = 2_000;

/**
 * The API's modules, loaded with DATABASE_URL pointing at PostgreSQL (entity column types are
 * chosen when the entity classes load), in their own module registry so this file also runs
 * in the SQLite pass of the suite.
 */
function loadForPostgres() {
  const previous = process.env['DATABASE_URL'];
  process.env['DATABASE_URL'] = postgresServerUrl();
  let modules!: {
    testApp: typeof import('../testing/test-app');
    createApp: typeof import('../app/create-app');
    clock: typeof import('../common/clock');
    config: typeof import('../config/environment');
    demo: typeof import('../demo/demo-data.service');
    timed: typeof import('../requests/lifecycle/timed-transitions.service');
    kit: typeof import('../requests/lifecycle-test-kit');
    typeorm: typeof import('typeorm');
  };
  jest.isolateModules(() => {
    modules = {
      testApp: require('../testing/test-app'),
      createApp: require('../app/create-app'),
      clock: require('../common/clock'),
      config: require('../config/environment'),
      demo: require('../demo/demo-data.service'),
      timed: require('../requests/lifecycle/timed-transitions.service'),
      kit: require('../requests/lifecycle-test-kit'),
      typeorm: require('typeorm'),
    };
  });
  return {
    modules,
    restore: () =>
      previous === undefined
        ? delete process.env['DATABASE_URL']
        : (process.env['DATABASE_URL'] = previous),
  };
}

/**
 * Two independent API instances (each its own Nest app and connection pool) on one PostgreSQL
 * database, in this process so that their ticks can be started at the same instant: six
 * concurrent ticks with small batches interleave on 2,000 due requests and queue exactly one
 * reminder each. The delivery of those emails by two real processes is multi-process.int.spec.ts.
 */
// Runs once, in the SQLite pass, which reaches the server too; the PostgreSQL pass reports it skipped.
const describeOnce = usesPostgres() ? describe.skip : describeWithPostgres;

describeOnce('scheduler ticks of two API instances at the same instant on one PostgreSQL', () => {
  let loaded: ReturnType<typeof loadForPostgres>['modules'];
  let first: TestApp;
  let second: NestFastifyApplication;

  beforeAll(async () => {
    const { modules, restore } = loadForPostgres();
    loaded = modules;
    try {
      const clock = new modules.clock.ManualClock(new Date('2026-05-04T07:00:00Z'));
      first = await modules.testApp.startTestApp({}, clock);
      second = await modules.createApp.createApp({
        environment: modules.config.loadEnvironment({
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          SCHEDULER_ENABLED: 'false',
          MIGRATIONS_RUN: 'false',
          PORT: '0',
          STATIC_DIR: 'dist/apps',
          DATABASE_URL: first.environment.DATABASE_URL as string,
        }),
        clock,
      });
      await second.init();
      await first.app.get(modules.demo.DemoDataService).seedIfEmpty();
    } finally {
      restore();
    }
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('queues exactly 2,000 reminders, one per request', async () => {
    const { DataSource } = loaded.typeorm;
    expect(first.environment.DATABASE_URL).toMatch(/^postgres/);
    expect(second.get(DataSource)).not.toBe(first.app.get(DataSource));
    await loaded.kit.insertPendingRequests(
      first,
      '59',
      DUE,
      new Date(first.clock.now().getTime() - 20 * 86_400_000),
    );

    const timed = [
      first.app.get(loaded.timed.TimedTransitionsService),
      second.get(loaded.timed.TimedTransitionsService),
    ];
    // Three concurrent ticks per instance with small batches, so the two instances interleave.
    const counts = await Promise.all(
      [...timed, ...timed, ...timed].map((service) => service.remindDue(100)),
    );
    const reminded = counts.reduce((sum, count) => sum + count, 0);
    expect(reminded).toBe(DUE);
    expect(counts.filter((count) => count > 0).length).toBeGreaterThan(1);
    const [outbox] = await first.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n, count(DISTINCT request_id)::int AS requests FROM outbox_email WHERE kind = 'REMINDER'`,
      );
    expect(outbox).toEqual({ n: DUE, requests: DUE });
    const [audit] = await first.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n, count(DISTINCT request_id)::int AS requests FROM audit_entry WHERE action = 'REMINDER_SENT'`,
      );
    expect(audit).toEqual({ n: DUE, requests: DUE });
  }, 600_000);
});
