import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Environment, loadEnvironment } from '../config/environment';

const root = join(__dirname, '../../../..');

describe('.env.example', () => {
  const text = readFileSync(join(root, '.env.example'), 'utf8');
  const listed = [...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]);

  it('lists every variable the API reads', () => {
    const read = [...Object.keys(new Environment()), 'PUBLIC_URL', 'DATABASE_URL', 'SMTP_URL'];
    for (const name of read) expect(listed).toContain(name);
  });

  it('holds only values the API accepts', () => {
    const values: Record<string, string> = {};
    for (const match of text.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)) values[match[1]] = match[2].replace(/^"|"$/g, '');
    expect(() => loadEnvironment(values)).not.toThrow();
  });
});
