import { writeFileSync } from 'node:fs';
import { loadEnvironment } from '../config/environment';
import { createApp } from './create-app';
import { buildOpenApiDocument } from './openapi';

/** Writes the document that docs/openapi.json must equal (a test compares them). */
export async function writeOpenApiDocument(file: string): Promise<void> {
  const environment = loadEnvironment({
    NODE_ENV: 'development',
    SQLITE_PATH: ':memory:',
    LOG_LEVEL: 'silent',
    SCHEDULER_ENABLED: 'false',
  });
  const app = await createApp({ environment });
  await app.init();
  writeFileSync(file, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
  process.stdout.write(`OpenAPI document written to ${file}\n`);
}
