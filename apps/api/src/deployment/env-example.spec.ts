import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENVIRONMENT_VARIABLES, loadEnvironment } from '../config/environment';

const root = join(__dirname, '../../../..');

describe('.env.example', () => {
  const text = readFileSync(join(root, '.env.example'), 'utf8');
  const listed = [...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]);

  it('lists every variable the API reads', () => {
    for (const name of ENVIRONMENT_VARIABLES) expect(listed).toContain(name);
  });

  it('lists nothing the API does not read', () => {
    for (const name of listed) expect(ENVIRONMENT_VARIABLES).toContain(name);
  });

  it('holds only values the API accepts', () => {
    const values: Record<string, string> = {};
    for (const match of text.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm))
      values[match[1]] = match[2].replace(/^"|"$/g, '');
    expect(() => loadEnvironment(values)).not.toThrow();
  });
});
