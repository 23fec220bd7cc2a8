/**
 * The back-office search's normalised text: lower case, accents and punctuation folded, so that
 * « Lefèvre », « LEFEVRE » and « lefevre » meet. The same function writes the stored column
 * (card_application.search_text) and reads the agent's query, on both database engines.
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9@.+_-]+/g, ' ')
    .trim();
}

export interface SearchableApplication {
  lastName: string;
  firstName: string;
  driverIdentifier: string;
  cardNumber: string;
  email: string;
}

/** ` names identifiers email `: each token between spaces, so that an exact token can be matched as `% token %`. */
export function searchTextOf(application: SearchableApplication): string {
  const tokens = [
    foldForSearch(application.lastName),
    foldForSearch(application.firstName),
    foldForSearch(application.driverIdentifier),
    foldForSearch(application.cardNumber),
    application.email.trim().toLowerCase(),
  ].filter(Boolean);
  return ` ${tokens.join(' ')} `.slice(0, 400);
}

/** The words of a query, folded; at most five, each at least one character. */
export function searchWordsOf(query: string): string[] {
  return foldForSearch(query).split(' ').filter(Boolean).slice(0, 5);
}
