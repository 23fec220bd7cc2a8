import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AUTH_RETENTION_MS } from '../auth/auth-housekeeping.service';
import { SignInTokenEntity } from '../database/entities';
import { startTestApp, TestApp } from '../testing/test-app';
import { LifecycleScheduler } from './lifecycle-scheduler.service';

describe('the scheduler tick keeps the auth tables small', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test.close());

  const token = (expiresAt: Date): SignInTokenEntity => ({
    id: randomUUID(),
    tokenHash: randomUUID().replace(/-/g, ''),
    subjectType: 'DRIVER',
    subjectId: randomUUID(),
    createdAt: new Date(expiresAt.getTime() - 30 * 60_000),
    expiresAt,
    consumedAt: null,
    supersededAt: null,
  });

  it('deletes links that ended more than a day ago and keeps the recent ones', async () => {
    const now = test.clock.now().getTime();
    const old = token(new Date(now - AUTH_RETENTION_MS - 60_000));
    const recent = token(new Date(now - 60 * 60_000));
    const live = token(new Date(now + 10 * 60_000));
    const tokens = test.app.get(DataSource).getRepository(SignInTokenEntity);
    await tokens.insert([old, recent, live]);

    await test.app.get(LifecycleScheduler).tick();

    const left = (await tokens.findBy({})).map((row) => row.id);
    expect(left).not.toContain(old.id);
    expect(left).toEqual(expect.arrayContaining([recent.id, live.id]));
  });
});
