import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { type CorpusManifest, makeCorpus, WORKSPACE_ROOT as ROOT } from './corpus-fixture';

const USAGE_LINE = 'Usage : npm run -s check-image -- --kind photo|signature FICHIER...';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run -s check-image -- …` as a user types it, from `cwd`. */
function checkImageCli(args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(
      'npm',
      ['--prefix', ROOT, 'run', '-s', 'check-image', '--', ...args],
      {
        cwd,
        env: { ...process.env, INIT_CWD: cwd },
        maxBuffer: 16 * 1024 * 1024,
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

describe('check-image command', () => {
  let dir: string;
  let manifest: CorpusManifest;

  beforeAll(async () => {
    ({ dir, manifest } = await makeCorpus('t3p-cli-'));
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['photo', 'signature'] as const)(
    'prints one JSON line per %s file, in order, with the manifest codes, and exits 1',
    async (kind) => {
      const files = manifest.files.filter((f) => f.kind === kind);
      const run = await checkImageCli(['--kind', kind, ...files.map((f) => f.file)], dir);
      expect(run.stderr).toBe('');
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(files.length);
      lines.forEach((line, i) => {
        const o = JSON.parse(line) as {
          file: string;
          kind: string;
          valid: boolean;
          errors: { code: string }[];
          warnings: unknown[];
          measured: Record<string, unknown>;
        };
        expect(Object.keys(o)).toEqual(['file', 'kind', 'valid', 'errors', 'warnings', 'measured']);
        expect(o.file).toBe(files[i].file);
        expect(o.kind).toBe(kind);
        expect({ file: o.file, codes: o.errors.map((e) => e.code) }).toEqual({
          file: files[i].file,
          codes: files[i].expected,
        });
        expect(o.valid).toBe(files[i].expected.length === 0);
        if (!o.valid) expect(o.warnings).toEqual([]);
        for (const key of [
          'format',
          'bytes',
          'widthPx',
          'heightPx',
          'dpiX',
          'dpiY',
          'widthMm',
          'heightMm',
        ])
          expect(o.measured).toHaveProperty(key);
      });
      expect(run.code).toBe(1);
    },
    120_000,
  );

  it('exits 0 when every file is valid (kind given as --kind=)', async () => {
    const valid = manifest.files
      .filter((f) => f.kind === 'photo' && f.expected.length === 0)
      .slice(0, 4);
    const run = await checkImageCli(['--kind=photo', ...valid.map((f) => f.file)], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(valid.length);
  }, 60_000);

  it('usage errors: exit 2, the French usage on stderr, nothing on stdout', async () => {
    const cases: [string[], string][] = [
      [[], "l'option --kind est obligatoire"],
      [['--kind', 'photo'], 'aucun fichier'],
      [['--kind', 'passport', 'a.jpg'], 'type inconnu'],
      [['--kind'], 'attend une valeur'],
      [['--kind', 'photo', '--kind', 'signature', 'a.jpg'], 'deux fois'],
      [['--kind', 'photo', '--verbose', 'a.jpg'], 'option inconnue'],
      [['--kind', 'photo', 'photo-valid.pdf', 'does-not-exist.jpg'], 'fichier introuvable'],
      [['--kind', 'photo', '.'], "n'est pas un fichier"],
    ];
    const runs = await Promise.all(cases.map(([args]) => checkImageCli(args, dir)));
    runs.forEach((run, i) => {
      expect({ args: cases[i][0], code: run.code, stdout: run.stdout }).toEqual({
        args: cases[i][0],
        code: 2,
        stdout: '',
      });
      expect(run.stderr).toContain(cases[i][1]);
      expect(run.stderr).toContain(USAGE_LINE);
    });
  }, 90_000);

  it('--help prints the usage on stdout with status 0', async () => {
    const run = await checkImageCli(['--help'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(USAGE_LINE);
  }, 60_000);
});
