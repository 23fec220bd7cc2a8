import { searchWordsOf } from '@t3p/contracts';
import { Brackets, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const likeEscaped = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The applications whose driver identifier, card number or email is (`=`) or starts with
 * (`LIKE`, the parameter ending in %) the token, case folded. On PostgreSQL each arm is served
 * by an expression B-tree index (migration 1764900000001, text_pattern_ops for the prefixes),
 * so the cost does not depend on how many rows share the identifiers' frequent trigrams
 * (`59b`, `000`…). A purged application (search_text erased) is never found.
 */
function identifierIdsSql(operator: '=' | 'LIKE'): string {
  const escape = operator === 'LIKE' ? ` ESCAPE '\\'` : '';
  return `SELECT sc.id FROM card_application sc WHERE upper(sc.card_number) ${operator} :searchIdentifierUpper${escape} AND sc.search_text <> ''
    UNION SELECT sc.id FROM card_application sc JOIN driver sd ON sd.id = sc.driver_id
     WHERE (upper(sd.driver_identifier) ${operator} :searchIdentifierUpper${escape} OR lower(sd.email) ${operator} :searchIdentifierLower${escape})
       AND sc.search_text <> ''`;
}

const identifierParameters = (pattern: string) => ({
  searchIdentifierUpper: pattern.toUpperCase(),
  searchIdentifierLower: pattern,
});

/**
 * The back-office search over `a.search_text` (card_application, see searchTextOf): every word
 * of the query must appear in it, in any order, as part of a name, identifier or email; a
 * whole request or application id matches that row (`idColumn`). On PostgreSQL the pg_trgm GIN
 * index serves each `LIKE '%word%'`.
 */
export class SearchCondition {
  readonly words: string[];
  readonly id: string | null;

  constructor(query: string) {
    const trimmed = query.trim();
    this.id = UUID.test(trimmed) ? trimmed.toLowerCase() : null;
    this.words = this.id ? [] : searchWordsOf(trimmed);
  }

  /** An identifier, card number or email (one word with a digit or an @): searched as the start of one, typed whole ranks first. */
  get exactToken(): string | null {
    return this.words.length === 1 && /[0-9@]/.test(this.words[0]) ? this.words[0] : null;
  }

  apply<T extends object>(query: SelectQueryBuilder<T>, idColumn: string): void {
    if (this.id) {
      query.andWhere(`${idColumn} = :searchId`, { searchId: this.id });
      return;
    }
    const token = this.exactToken;
    if (token) {
      // An identifier, card number or email (or their start): the B-tree indexes, not the trigrams.
      // On PostgreSQL the ids are read first (an init plan), then the rows by primary key: with `IN (…)` the planner
      // walked the préfecture's list newest first, testing each row against the matches (91 ms at 100,000).
      const ids = identifierIdsSql('LIKE');
      const postgres = query.connection.options.type === 'postgres';
      query.andWhere(
        postgres ? `a.id = ANY(ARRAY(${ids}))` : `a.id IN (${ids})`,
        identifierParameters(`${likeEscaped(token)}%`),
      );
      return;
    }
    // Nothing searchable in the query (punctuation only): nothing matches.
    if (this.words.length === 0) query.andWhere('1 = 0');
    this.words.forEach((word, index) =>
      query.andWhere(`a.search_text LIKE :searchWord${index} ESCAPE '\\'`, {
        [`searchWord${index}`]: `%${likeEscaped(word)}%`,
      }),
    );
  }

  /** Restricts to the rows whose exact token is (or, with `exact = false`, is not) the query. */
  applyExact<T extends object>(
    query: SelectQueryBuilder<T> | WhereExpressionBuilder,
    exact: boolean,
  ): void {
    const token = this.exactToken;
    if (!token) return;
    const ids = identifierIdsSql('=').replace(/:searchIdentifier(Upper|Lower)/g, ':searchExact$1');
    query.andWhere(
      new Brackets((where) =>
        where.where(`a.id ${exact ? '' : 'NOT '}IN (${ids})`, {
          searchExactUpper: token.toUpperCase(),
          searchExactLower: token,
        }),
      ),
    );
  }
}
