import type { Civility, Piece } from '@t3p/contracts';
import { frenchDate, frenchDateTime } from '@t3p/contracts/texts';
const CIVILITY: Record<Civility, string> = { M: 'Monsieur', MME: 'Madame' };

export function civilityLabel(code: Civility): string {
  return CIVILITY[code] ?? '';
}

/** « 1er mars 2026 », « 12 mars 2026 », in Paris time. */
export const dateFr = (iso: string | null | undefined): string => frenchDate(iso);

/** « 12 mars 2026 à 14 h 03 », in Paris time. */
export const dateTimeFr = (iso: string | null | undefined): string => frenchDateTime(iso);

export const PIECE_LABEL: Record<Piece, string> = {
  PHOTO: 'Photo d’identité',
  SIGNATURE: 'Signature',
};

export function piecesLabel(pieces: readonly Piece[]): string {
  const photo = pieces.includes('PHOTO');
  const signature = pieces.includes('SIGNATURE');
  return photo && signature
    ? 'la photo d’identité et la signature'
    : photo
      ? 'la photo d’identité'
      : 'la signature';
}

/** "12 345": French digit grouping (narrow no-break space), as `toLocaleString('fr-FR')` writes it. */
export function integerFr(value: number): string {
  const digits = String(Math.abs(Math.round(value))).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return value < 0 ? `-${digits}` : digits;
}

/** "35,2 Ko" for a byte count (Ko = 1 024 octets, as the rules read it; one decimal at most). */
export function kilobytes(bytes: number): string {
  const tenths = Math.round((bytes * 10) / 1024);
  const decimal = tenths % 10;
  return `${integerFr(Math.trunc(tenths / 10))}${decimal ? `,${decimal}` : ''} Ko`;
}
