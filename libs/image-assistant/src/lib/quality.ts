/**
 * The best JPEG quality that fits a weight limit. `encode(q)` returns the final file for quality
 * q (an integer percent, JFIF density already written: the limit applies to what is sent).
 * Binary search over [minQuality, maxQuality]: with a weight that grows with quality (what JPEG
 * encoders do, almost always) the answer is the highest quality that fits; when an encoder is not
 * monotonic the answer still fits. Every returned file is ≤ maxBytes, by construction: a result is
 * only ever a file that was measured under the limit.
 */

export interface QualitySearchOptions {
  maxBytes: number;
  minQuality?: number;
  maxQuality?: number;
}

export type QualitySearchResult =
  | { ok: true; quality: number; bytes: Uint8Array; encodes: number }
  | { ok: false; smallestBytes: number; encodes: number };

export const DEFAULT_MIN_QUALITY = 30;
export const DEFAULT_MAX_QUALITY = 95;

export async function searchQuality(
  encode: (quality: number) => Promise<Uint8Array> | Uint8Array,
  options: QualitySearchOptions,
): Promise<QualitySearchResult> {
  const lo0 = Math.round(options.minQuality ?? DEFAULT_MIN_QUALITY);
  const hi0 = Math.round(options.maxQuality ?? DEFAULT_MAX_QUALITY);
  if (!(lo0 >= 1 && hi0 <= 100 && lo0 <= hi0))
    throw new RangeError(`bad quality range ${lo0}–${hi0}`);
  let encodes = 0;
  let best: { quality: number; bytes: Uint8Array } | null = null;
  let smallest = Infinity;
  const tryQuality = async (q: number): Promise<boolean> => {
    const bytes = await encode(q);
    encodes++;
    smallest = Math.min(smallest, bytes.length);
    if (bytes.length > options.maxBytes) return false;
    if (best === null || q > best.quality) best = { quality: q, bytes };
    return true;
  };
  // Most pictures fit at the top quality: one encode.
  if (!(await tryQuality(hi0))) {
    let lo = lo0;
    let hi = hi0 - 1;
    while (lo <= hi) {
      const mid = Math.floor((lo + hi + 1) / 2);
      if (await tryQuality(mid)) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  const found = best as { quality: number; bytes: Uint8Array } | null;
  return found
    ? { ok: true, quality: found.quality, bytes: found.bytes, encodes }
    : { ok: false, smallestBytes: smallest, encodes };
}
