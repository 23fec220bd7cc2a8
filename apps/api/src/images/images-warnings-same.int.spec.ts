import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import type { RuleWarning } from '@t3p/image-rules';
import { startTestApp, TestApp } from '../testing/test-app';
import { shutdownFaceWorker, shutdownPdfWorkers } from '@t3p/image-measurement';
import { makeWarningsSet } from '@t3p/image-measurement/testing';

// Results are compared here, not timing (that is tools/bench/warnings-bench.ts): on a loaded
// machine a detector timeout would read as a difference. The CLI child inherits these.
process.env['T3P_FACE_TIMEOUT_MS'] = '20000';
process.env['T3P_FACE_DEADLINE_MS'] = '30000';

const ROOT = resolve(__dirname, '../../../..');

/** A 25 × 12 mm signature at 300 DPI: a wavy stroke of `ink` on paper of `paper`. */
async function signature(ink: number, paper: number): Promise<Buffer> {
  const w = 295;
  const h = 142;
  const px = Buffer.alloc(w * h * 3, paper);
  for (let x = 20; x < w - 20; x++) {
    const y0 = Math.round(h / 2 + Math.sin(x / 18) * h * 0.3);
    for (let y = y0 - 2; y <= y0 + 2; y++) px.fill(ink, (y * w + x) * 3, (y * w + x) * 3 + 3);
  }
  return sharp(px, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 85 })
    .withMetadata({ density: 300 })
    .toBuffer();
}

function cli(
  kind: string,
  files: string[],
  cwd: string,
): Promise<{ file: string; warnings: RuleWarning[] }[]> {
  return new Promise((done, fail) => {
    execFile(
      'npm',
      ['--prefix', ROOT, 'run', '-s', 'check-image', '--', '--kind', kind, ...files],
      {
        cwd,
        env: { ...process.env, INIT_CWD: cwd },
        maxBuffer: 16 * 1024 * 1024,
        timeout: 300_000,
      },
      (error, stdout, stderr) => {
        if (error && error.code !== 0 && error.code !== 1)
          fail(new Error(`${error.message} ${stderr}`));
        else
          done(
            stdout
              .trimEnd()
              .split('\n')
              .map((l) => JSON.parse(l)),
          );
      },
    );
  });
}

/** The same file gets the same warnings from the HTTP API and from check-image. */
describe('quality warnings through the HTTP API and check-image', () => {
  let test: TestApp;
  let dir: string;
  const files: { file: string; kind: 'photo' | 'signature' }[] = [];

  beforeAll(async () => {
    const set = await makeWarningsSet(1);
    dir = set.dir;
    for (const e of set.entries) files.push({ file: e.file, kind: 'photo' });
    writeFileSync(join(dir, 'sig-good.jpg'), await signature(15, 245));
    writeFileSync(join(dir, 'sig-pale.jpg'), await signature(175, 245));
    files.push(
      { file: 'sig-good.jpg', kind: 'signature' },
      { file: 'sig-pale.jpg', kind: 'signature' },
    );
    test = await startTestApp();
  }, 300_000);

  afterAll(async () => {
    await test?.close();
    await shutdownPdfWorkers();
    await shutdownFaceWorker();
    delete process.env['T3P_FACE_TIMEOUT_MS'];
    delete process.env['T3P_FACE_DEADLINE_MS'];
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every file the same warnings, and some files do get warnings', async () => {
    const http = new Map<string, RuleWarning[]>();
    for (const f of files) {
      const body = new FormData();
      body.append(
        'file',
        new Blob([new Uint8Array(readFileSync(join(dir, f.file)))], { type: 'image/jpeg' }),
        f.file,
      );
      const response = await fetch(`${test.url}/api/images/check?kind=${f.kind}`, {
        method: 'POST',
        body,
      });
      expect(response.status).toBe(200);
      const verdict = (await response.json()) as { valid: boolean; warnings: RuleWarning[] };
      expect({ file: f.file, valid: verdict.valid }).toEqual({ file: f.file, valid: true });
      http.set(f.file, verdict.warnings);
    }
    const byCli = new Map<string, RuleWarning[]>();
    for (const kind of ['photo', 'signature'] as const) {
      for (const o of await cli(
        kind,
        files.filter((f) => f.kind === kind).map((f) => f.file),
        dir,
      ))
        byCli.set(o.file, o.warnings);
    }
    for (const f of files)
      expect({ file: f.file, warnings: byCli.get(f.file) }).toEqual({
        file: f.file,
        warnings: http.get(f.file),
      });
    expect(http.get('sig-good.jpg')).toEqual([]);
    expect(http.get('sig-pale.jpg')?.map((w) => w.code)).toContain('INK_TOO_PALE');
    expect([...http.values()].filter((w) => w.length > 0).length).toBeGreaterThanOrEqual(8);
  }, 600_000);
});
