import sharp, { type SharpOptions } from 'sharp';
import { MAX_PIXELS } from '@t3p/image-rules';

/**
 * sharp as the measurement uses it: only the JPEG-from-buffer loader is
 * allowed (libvips blocks every other loader process-wide once this module
 * is loaded: PNG, GIF, SVG, PDF, TIFF, HEIF, magick…), the strictest
 * `failOn`, and a pixel limit. At most DECODE_CONCURRENCY full decodes run
 * at once, so memory stays under about DECODE_CONCURRENCY × 40 Mpx × 3 bytes.
 */
sharp.block({ operation: ['VipsForeignLoad'] });
sharp.unblock({ operation: ['VipsForeignLoadJpegBuffer'] });

export const DECODE_CONCURRENCY = 2;

export const SHARP_INPUT: SharpOptions = {
  failOn: 'warning',
  limitInputPixels: MAX_PIXELS,
  sequentialRead: true,
  autoOrient: false,
};

let running = 0;
const waiting: (() => void)[] = [];

async function withDecodeSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= DECODE_CONCURRENCY) {
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export type DecodeResult =
  { ok: true; width: number; height: number; rgba?: Buffer } | { ok: false; error: string };

/**
 * Fully decodes a JPEG (every scan, every block); never throws. With `keepPixels`, the decoded
 * pixels come back as RGBA (alpha 255 added after the decode, which is otherwise the same), as
 * stored (orientation not applied), for the quality warnings to reuse instead of decoding again.
 */
export function decodeJpegFully(bytes: Uint8Array, keepPixels = false): Promise<DecodeResult> {
  return withDecodeSlot(async () => {
    try {
      const decoder = sharp(bytes, SHARP_INPUT);
      const { data, info } = await (keepPixels ? decoder.ensureAlpha() : decoder)
        .raw()
        .toBuffer({ resolveWithObject: true });
      return {
        ok: true,
        width: info.width,
        height: info.height,
        rgba: keepPixels ? data : undefined,
      };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  });
}

/** Re-encodes a JPEG for display: orientation applied, all metadata dropped (sharp's default). */
export function reencodeForDisplay(bytes: Uint8Array): Promise<Buffer> {
  return withDecodeSlot(() =>
    sharp(bytes, { ...SHARP_INPUT, autoOrient: true })
      .jpeg({ quality: 88 })
      .toBuffer(),
  );
}

/** Whether libvips reads an EXIF orientation other than upright in this JPEG (header only, no decode). */
export async function orientedByDecoder(bytes: Uint8Array): Promise<boolean> {
  try {
    const { orientation } = await sharp(bytes, SHARP_INPUT).metadata();
    return orientation !== undefined && orientation !== 1;
  } catch {
    return true;
  }
}
