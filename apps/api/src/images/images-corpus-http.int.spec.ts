import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Verdict } from '@t3p/image-rules';
import { startTestApp, TestApp } from '../testing/test-app';
import { type CorpusManifest, makeCorpus } from '@t3p/image-measurement/testing';
import { checkImage, shutdownFaceWorker } from '@t3p/image-measurement';

// Results are compared here, not timing: on a loaded machine a face-detector timeout on one side
// would read as a difference of warnings (FACE_ANALYSIS_UNAVAILABLE).
process.env['T3P_FACE_TIMEOUT_MS'] = '20000';
process.env['T3P_FACE_DEADLINE_MS'] = '30000';

/** The same file gets the same verdict from the engine and from the HTTP API. */
describe('the generated corpus through the HTTP API', () => {
  let test: TestApp;
  let dir: string;
  let manifest: CorpusManifest;

  beforeAll(async () => {
    test = await startTestApp();
    ({ dir, manifest } = await makeCorpus());
  }, 120_000);

  afterAll(async () => {
    await test.close();
    await shutdownFaceWorker();
    delete process.env['T3P_FACE_TIMEOUT_MS'];
    delete process.env['T3P_FACE_DEADLINE_MS'];
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every file of the corpus as the engine does', async () => {
    const differences: { file: string; http: unknown; engine: unknown }[] = [];
    for (const entry of manifest.files) {
      const bytes = readFileSync(join(dir, entry.file));
      const body = new FormData();
      body.append(
        'file',
        new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }),
        entry.file,
      );
      const response = await fetch(`${test.url}/api/images/check?kind=${entry.kind}`, {
        method: 'POST',
        body,
      });
      if (bytes.length > 2 * 1024 * 1024) {
        // Past the upload cap the body is refused before it is read whole.
        expect(response.status).toBe(413);
        continue;
      }
      if (response.status !== 200)
        throw new Error(`${entry.file}: ${response.status} ${await response.text()}`);
      const http = (await response.json()) as Verdict;
      const engine = await checkImage(bytes, entry.kind);
      if (JSON.stringify(http) !== JSON.stringify(engine))
        differences.push({
          file: entry.file,
          http: [http.errors, http.warnings],
          engine: [engine.errors, engine.warnings],
        });
      expect(http.errors.map((error) => error.code)).toEqual(entry.expected);
    }
    expect(differences).toEqual([]);
  }, 180_000);
});
