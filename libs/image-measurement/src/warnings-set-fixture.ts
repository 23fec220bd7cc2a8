import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RuleWarning } from '@t3p/image-rules';
import { WORKSPACE_ROOT } from './corpus-fixture';

/** Shape of tools/warnings-set manifest.json entries (kept here: libraries may not import tools/). */
export interface WarningsSetEntry {
  file: string;
  kind: 'photo';
  good: boolean;
  expected: string[];
  degradation: string;
}

/**
 * Test helper: runs tools/warnings-set/make-warnings-set.ts (the same builder as
 * `npm run warnings-set`) into a fresh temp folder; `people` keeps only the first faces.
 */
export function makeWarningsSet(
  people?: number,
): Promise<{ dir: string; entries: WarningsSetEntry[] }> {
  const dir = mkdtempSync(join(tmpdir(), 't3p-warnings-set-'));
  const args = [
    '--tsconfig',
    'tsconfig.base.json',
    'tools/warnings-set/make-warnings-set.ts',
    dir,
    ...(people ? ['--people', String(people)] : []),
  ];
  return new Promise((done, fail) => {
    execFile(
      join(WORKSPACE_ROOT, 'node_modules', '.bin', 'tsx'),
      args,
      { cwd: WORKSPACE_ROOT, timeout: 300_000 },
      (error, _stdout, stderr) => {
        if (error) {
          fail(new Error(`make-warnings-set failed: ${stderr}`));
          return;
        }
        done({
          dir,
          entries: (
            JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
              files: WarningsSetEntry[];
            }
          ).files,
        });
      },
    );
  });
}

export interface ClassScore {
  degradation: string;
  expected: string;
  files: number;
  hits: number;
}

export interface WarningsSetScore {
  goodFiles: number;
  goodWithWarnings: number;
  degradedFiles: number;
  degradedHits: number;
  classes: ClassScore[];
  /** For each file that missed or got a warning while good: what it got. */
  misses: { file: string; expected: string[]; got: string[] }[];
}

/** Agreement of the warnings with the labels: a degraded file hits when it gets its expected code. */
export function scoreWarningsSet(
  entries: WarningsSetEntry[],
  warningsOf: Map<string, RuleWarning[]>,
): WarningsSetScore {
  const classes = new Map<string, ClassScore>();
  const misses: WarningsSetScore['misses'] = [];
  let goodFiles = 0;
  let goodWithWarnings = 0;
  let degradedFiles = 0;
  let degradedHits = 0;
  for (const e of entries) {
    const got = (warningsOf.get(e.file) ?? []).map((w) => w.code);
    if (e.good) {
      goodFiles++;
      if (got.length > 0) {
        goodWithWarnings++;
        misses.push({ file: e.file, expected: [], got });
      }
      continue;
    }
    degradedFiles++;
    const hit = e.expected.every((c) => got.includes(c));
    if (hit) degradedHits++;
    else misses.push({ file: e.file, expected: e.expected, got });
    const key = e.expected.join(',');
    const c = classes.get(key) ?? {
      degradation: e.degradation.replace(/ \d+ mm$/, (m) => m),
      expected: key,
      files: 0,
      hits: 0,
    };
    c.files++;
    if (hit) c.hits++;
    classes.set(key, c);
  }
  return {
    goodFiles,
    goodWithWarnings,
    degradedFiles,
    degradedHits,
    classes: [...classes.values()],
    misses,
  };
}

/** The confusion table of docs/image-rules.md. */
export function scoreMarkdown(s: WarningsSetScore): string {
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(0)} %`;
  const rows = [
    '| files | expected warning | files | got it | missed |',
    '|---|---|---:|---:|---:|',
    ...s.classes.map(
      (c) =>
        `| ${c.degradation} | \`${c.expected}\` | ${c.files} | ${c.hits} (${pct(c.hits, c.files)}) | ${c.files - c.hits} |`,
    ),
    `| **all degraded** | | ${s.degradedFiles} | ${s.degradedHits} (${pct(s.degradedHits, s.degradedFiles)}) | ${s.degradedFiles - s.degradedHits} |`,
    `| **good** (no warning expected) | — | ${s.goodFiles} | with a warning: ${s.goodWithWarnings} (${pct(s.goodWithWarnings, s.goodFiles)}) | |`,
  ];
  return rows.join('\n');
}
