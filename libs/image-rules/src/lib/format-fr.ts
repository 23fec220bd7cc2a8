/** French number formatting without Intl/locale data, so it is identical everywhere. */

/** Narrow no-break space, the French thousands separator. */
export const NNBSP = '\u202f';

/**
 * Formats `value` the French way: decimal comma, thousands grouped by a
 * narrow no-break space. `decimals` digits are kept; with `trim`, trailing
 * zeros (and a dangling comma) are removed.
 */
export function formatFr(value: number, decimals = 0, trim = false): string {
  if (!Number.isFinite(value)) {
    return String(value);
  }
  const fixed = Math.abs(value).toFixed(decimals);
  const [intPart, fracPart] = fixed.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  let frac = fracPart ?? '';
  if (trim) {
    frac = frac.replace(/0+$/, '');
  }
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (frac ? ',' + frac : '');
}

/** Bytes as "81 921 octets (80 Ko)", Ko being 1,024 bytes. */
export function formatBytesFr(bytes: number): string {
  const ko = bytes / 1024;
  const koText = Number.isInteger(ko) ? formatFr(ko) : formatFr(ko, 1);
  return `${formatFr(bytes)} octet${bytes > 1 ? 's' : ''} (${koText} Ko)`;
}
