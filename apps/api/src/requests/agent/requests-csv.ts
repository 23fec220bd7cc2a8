import type { ImageRequestState, RequestListItem } from '@t3p/contracts';

const STATE_LABELS: Record<ImageRequestState, string> = {
  PENDING: 'En attente du chauffeur',
  REMINDED: 'Relancée',
  SUBMITTED: 'À examiner',
  VALIDATED: 'Validée',
  REJECTED: 'Refusée',
  CANCELLED: 'Annulée',
};

/** UTF-8 byte order mark: spreadsheet programs then read the accents right. */
export const CSV_BOM = '\uFEFF';

export const CSV_HEADER = [
  'Référence de la demande',
  'Nom',
  'Prénom',
  'Identifiant chauffeur',
  'Numéro de carte',
  'Type de carte',
  'État',
  'Pièces demandées',
  'Motif',
  'Créée le',
  'Relancée le',
  'Envoyée le',
  'Décidée le',
  'Annulée le',
];

/**
 * One CSV field for a French spreadsheet (separator `;`): quoted when it holds a separator, a
 * quote or a line break; a leading = + - @ is neutralised so that no cell runs as a formula.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 19).replace('T', ' ') : '');

export function csvLine(fields: string[]): string {
  return `${fields.map(csvField).join(';')}\r\n`;
}

export function csvRow(item: RequestListItem): string {
  return csvLine([
    item.id,
    item.driver.lastName,
    item.driver.firstName,
    item.driver.driverIdentifier,
    item.cardNumber,
    item.cardType,
    STATE_LABELS[item.state],
    item.pieces.map((piece) => (piece === 'PHOTO' ? 'photo' : 'signature')).join(' + '),
    item.reason,
    day(item.createdAt),
    day(item.remindedAt),
    day(item.submittedAt),
    day(item.decidedAt),
    day(item.cancelledAt),
  ]);
}
