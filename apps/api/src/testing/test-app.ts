import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../app/create-app';
import { Clock, ManualClock } from '../common/clock';
import { Environment, loadEnvironment } from '../config/environment';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  clock: ManualClock;
  environment: Environment;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real API on a real, fresh database, listening on a free port. Scheduler off unless asked;
 * time is a ManualClock the test moves.
 */
export async function startTestApp(
  overrides: Record<string, string> = {},
  clock = new ManualClock(),
): Promise<TestApp> {
  const database = await createTestDatabase();
  const environment = loadEnvironment({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SCHEDULER_ENABLED: 'false',
    PORT: '0',
    STATIC_DIR: 'dist/apps',
    ...database.settings,
    ...overrides,
  });
  const app = await createApp({ environment, clock: clock as Clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  // The app holds this same instance: links in emails now point at the test server.
  environment.PUBLIC_URL = url;
  environment.PORT = port;
  return {
    app,
    url,
    clock,
    environment,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
