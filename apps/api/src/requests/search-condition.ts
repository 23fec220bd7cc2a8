import { searchWordsOf } from '@t3p/contracts';
import { Brackets, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const likeEscaped = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

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

  /** An identifier, card number or email typed whole (one word with a digit or an @) ranks first. */
  get exactToken(): string | null {
    return this.words.length === 1 && /[0-9@]/.test(this.words[0]) ? this.words[0] : null;
  }

  apply<T extends object>(query: SelectQueryBuilder<T>, idColumn: string): void {
    if (this.id) {
      query.andWhere(`${idColumn} = :searchId`, { searchId: this.id });
      return;
    }
    // Nothing searchable in the query (punctuation only): nothing matches.
    if (this.words.length === 0) query.andWhere('1 = 0');
    this.words.forEach((word, index) =>
      query.andWhere(`a.search_text LIKE :searchWord${index} ESCAPE '\\'`, { [`searchWord${index}`]: `%${likeEscaped(word)}%` }),
    );
  }

  /** Restricts to the rows whose exact token is (or, with `exact = false`, is not) the query. */
  applyExact<T extends object>(query: SelectQueryBuilder<T> | WhereExpressionBuilder, exact: boolean): void {
    const token = this.exactToken;
    if (!token) return;
    query.andWhere(
      new Brackets((where) =>
        where.where(`a.search_text ${exact ? '' : 'NOT '}LIKE :searchExact ESCAPE '\\'`, { searchExact: `% ${likeEscaped(token)} %` }),
      ),
    );
  }
}
