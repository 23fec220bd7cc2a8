/**
 * Real size on a screen: CSS pixels per millimetre. Browsers define 1 mm as 96 / 25.4 CSS px,
 * which is only approximately a millimetre on a real screen; the driver measures the true value
 * against a bank card (ISO/IEC 7810 ID-1, 85.60 × 53.98 mm) and it is kept on the device.
 */
export const ID1_CARD_MM = { width: 85.6, height: 53.98 } as const;
export const CSS_PX_PER_MM = 96 / 25.4;
export const CALIBRATION_KEY = 't3p.chauffeur.px-par-mm';
/** Beyond these, the stored value is not a screen's: it is ignored. */
export const MIN_PX_PER_MM = 1.5;
export const MAX_PX_PER_MM = 20;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage refused (private mode, blocked cookies): the approximate size is used.
    return null;
  }
}

/** The calibration stored on this device, or null when there is none (or it is not usable). */
export function loadCalibration(): number | null {
  const value = Number(storage()?.getItem(CALIBRATION_KEY) ?? Number.NaN);
  return Number.isFinite(value) && value >= MIN_PX_PER_MM && value <= MAX_PX_PER_MM ? value : null;
}

/** Keeps the calibration on this device; false when the browser refuses to store it. */
export function saveCalibration(pxPerMm: number): boolean {
  try {
    storage()?.setItem(CALIBRATION_KEY, pxPerMm.toFixed(4));
    return loadCalibration() !== null;
  } catch {
    return false;
  }
}

export function clearCalibration(): void {
  try {
    storage()?.removeItem(CALIBRATION_KEY);
  } catch {
    // Nothing stored: nothing to remove.
  }
}
