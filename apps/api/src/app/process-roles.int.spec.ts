import { startTestApp, type TestApp } from '../testing/test-app';

const TICK_MS = 7_000;
const POLL_MS = 3_000;
/** Distinct periods, so the intervals of the timed jobs and of the outbox worker are recognisable. */
const jobSettings = {
  SCHEDULER_ENABLED: 'true',
  SCHEDULER_TICK_SECONDS: String(TICK_MS / 1000),
  OUTBOX_POLL_SECONDS: String(POLL_MS / 1000),
};

/** Starts the API with `role`; returns it with the periods of every interval registered meanwhile. */
async function startWithRole(
  role: string,
): Promise<{ test: TestApp; periods: (number | undefined)[] }> {
  const setInterval = jest.spyOn(global, 'setInterval');
  try {
    const test = await startTestApp({ ...jobSettings, PROCESS_ROLE: role });
    return { test, periods: setInterval.mock.calls.map((call) => call[1]) };
  } finally {
    setInterval.mockRestore();
  }
}

describe('process roles (PROCESS_ROLE)', () => {
  const started: TestApp[] = [];
  afterAll(async () => {
    for (const test of started) await test.close();
  });

  it('all: the timed jobs and the outbox worker tick, and the API answers', async () => {
    const { test, periods } = await startWithRole('all');
    started.push(test);
    expect(periods).toEqual(expect.arrayContaining([TICK_MS, POLL_MS]));
    expect((await fetch(`${test.url}/api/me`)).status).toBe(401);
  });

  it('web: no interval of the timed jobs or of the outbox worker, even with SCHEDULER_ENABLED=true; the API answers', async () => {
    const { test, periods } = await startWithRole('web');
    started.push(test);
    expect(periods).not.toContain(TICK_MS);
    expect(periods).not.toContain(POLL_MS);
    expect((await fetch(`${test.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${test.url}/api/me`)).status).toBe(401);
  });

  it('worker: both intervals; /api/health answers, every other route 404 with the API’s error body', async () => {
    const { test, periods } = await startWithRole('worker');
    started.push(test);
    expect(periods).toEqual(expect.arrayContaining([TICK_MS, POLL_MS]));
    const health = await fetch(`${test.url}/api/health?probe=1`);
    expect({ status: health.status, body: await health.json() }).toMatchObject({
      status: 200,
      body: { status: 'ok' },
    });
    for (const path of ['/api/me', '/api/docs', '/api/dev/mailbox', '/', '/prefecture/']) {
      const response = await fetch(`${test.url}${path}`);
      expect({ path, status: response.status, body: await response.json() }).toMatchObject({
        path,
        status: 404,
        body: { code: 'NOT_FOUND', message: 'Ressource introuvable.' },
      });
    }
    const signIn = await fetch(`${test.url}/api/auth/driver/sign-in-links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reference: 'x'.repeat(32) }),
    });
    expect(signIn.status).toBe(404);
  });
});
