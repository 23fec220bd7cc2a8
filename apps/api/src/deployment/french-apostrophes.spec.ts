import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../../../..');

/** Where the texts people read are written: both fronts, their shared UI, the contracts, the API (emails, messages). */
const SOURCES = [
  'apps/chauffeur/src',
  'apps/prefecture/src',
  'libs/ui/src',
  'libs/contracts/src',
  'apps/api/src',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|html)$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

/**
 * A straight apostrophe in a French elision (l'image, d'identité, qu'il, jusqu'au, aujourd'hui):
 * French texts use the typographic one (’). English words of the code (don't, it's) are not
 * elisions of this list, so they are not reported.
 */
export const STRAIGHT_ELISION =
  /\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|presqu|quelqu|aujourd)'(?=[a-zà-ÿœæ])/gi;

export function straightApostrophes(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, index) =>
      line.match(STRAIGHT_ELISION) ? [`${index + 1}: ${line.trim()}`] : [],
    );
}

describe('French texts use the typographic apostrophe (’)', () => {
  it('finds a straight one in a French text, and none in English code', () => {
    expect(
      straightApostrophes("<p>Déposez l'image d'identité jusqu'au 1er mars, aujourd'hui</p>"),
    ).toHaveLength(1);
    expect(straightApostrophes("Qu'il dépose")).toHaveLength(1);
    expect(
      straightApostrophes("// don't parse it's header; `${piece}'s draft`; import x from 'y';"),
    ).toEqual([]);
    expect(straightApostrophes('Déposez l’image d’identité')).toEqual([]);
  });

  it.each(SOURCES)('%s', (source) => {
    const found = filesUnder(join(root, source)).flatMap((file) =>
      straightApostrophes(readFileSync(file, 'utf8')).map(
        (line) => `${relative(root, file)}:${line}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
