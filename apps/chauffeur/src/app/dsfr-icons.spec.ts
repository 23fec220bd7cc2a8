import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|html)$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the portal stylesheet (dsfr.css)', () => {
  it('defines every DSFR icon class that the portal and the shared components use', () => {
    const project = JSON.parse(readFileSync(join(ROOT, 'apps/chauffeur/project.json'), 'utf8'));
    const styles: { input: string; bundleName: string }[] = project.targets.build.options.styles;
    const bundle = styles
      .filter((style) => style.bundleName === 'dsfr')
      .map((style) => readFileSync(join(ROOT, style.input), 'utf8'))
      .join('\n');
    const used = new Set(
      [...sources(join(ROOT, 'apps/chauffeur/src')), ...sources(join(ROOT, 'libs/ui/src'))].flatMap(
        (file) => readFileSync(file, 'utf8').match(/\bfr-icon-[a-z0-9-]*[a-z0-9]\b/g) ?? [],
      ),
    );
    expect(used.size).toBeGreaterThan(0);
    const missing = [...used].filter((name) => !new RegExp(`\\.${name}:{1,2}before`).test(bundle));
    expect(missing).toEqual([]);
  });
});
