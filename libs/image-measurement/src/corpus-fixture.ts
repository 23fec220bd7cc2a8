import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ErrorCode, ImageKind } from '@t3p/image-rules';

/** The workspace root (tests run from sources). */
export const WORKSPACE_ROOT = resolve(__dirname, '../../..');

/** Shape of tools/corpus manifest.json (kept here: libraries may not import tools/). */
export interface CorpusManifest {
  generatedBy: string;
  files: { file: string; kind: ImageKind; expected: ErrorCode[]; description: string }[];
}

/**
 * Test helper: runs tools/corpus/make-corpus.ts (the same generator as
 * `npm run corpus`) into a fresh temp folder and returns it with its manifest.
 */
export function makeCorpus(
  prefix = 't3p-corpus-',
): Promise<{ dir: string; manifest: CorpusManifest }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return new Promise((done, fail) => {
    execFile(
      join(WORKSPACE_ROOT, 'node_modules', '.bin', 'tsx'),
      ['--tsconfig', 'tsconfig.base.json', 'tools/corpus/make-corpus.ts', dir],
      { cwd: WORKSPACE_ROOT, timeout: 60_000 },
      (error, _stdout, stderr) => {
        if (error) {
          fail(new Error(`make-corpus failed: ${stderr}`));
          return;
        }
        done({
          dir,
          manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as CorpusManifest,
        });
      },
    );
  });
}
