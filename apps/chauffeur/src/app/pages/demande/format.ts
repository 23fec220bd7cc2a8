import type { Civility, Piece } from '@t3p/contracts';

const CIVILITY: Record<Civility, string> = { M: 'Monsieur', MME: 'Madame' };

export function civilityLabel(code: Civility): string {
  return CIVILITY[code] ?? '';
}

/** "12 mars 2026", in Paris time. */
export function dateFr(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }) : '';
}

/** "12 mars 2026 à 14 h 03", in Paris time. */
export function dateTimeFr(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const time = date.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).replace(':', ' h ');
  return `${dateFr(iso)} à ${time}`;
}

export const PIECE_LABEL: Record<Piece, string> = { PHOTO: 'Photo d’identité', SIGNATURE: 'Signature' };

export function piecesLabel(pieces: readonly Piece[]): string {
  const photo = pieces.includes('PHOTO');
  const signature = pieces.includes('SIGNATURE');
  return photo && signature ? 'la photo d’identité et la signature' : photo ? 'la photo d’identité' : 'la signature';
}

/** "35,2 Ko" for a byte count (Ko = 1 024 octets, as the rules read it). */
export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Ko`;
}
