import { emptyMeasured, measureJpegHeader } from '@t3p/image-rules';
import { HEADER_BYTES, readHead, sniffFormat } from '../pre-check';
import { ASSISTANT_MARKS } from '@t3p/image-assistant/marks';

/** Largest picture the assistant opens: well past what phones and scanners produce. */
export const MAX_INPUT_BYTES = 60 * 1024 * 1024;
export const MAX_INPUT_PIXELS = 100_000_000;
/**
 * The picture is decoded at most this long on its longer side: enough for the 413 × 531 output
 * when the driver zooms in 2.5-fold, and a phone's 4032 px is then halved, which a JPEG decoder
 * can do while decoding (DCT scaling); a 12 Mpx photo takes 4 times less memory. (2560 was
 * measured too: no difference within this machine's noise, docs/benchmarks.md.)
 */
export const WORKING_LONG_SIDE = 2000;

export type Decoded =
  | {
      ok: true;
      bitmap: ImageBitmap;
      width: number;
      height: number;
      sourceWidth: number | null;
      sourceHeight: number | null;
    }
  | { ok: false; message: string };

/** Displayed size (EXIF orientation applied) from a JPEG, PNG or WebP header; null otherwise. */
export function headerSize(head: Uint8Array): { width: number; height: number } | null {
  const { format, detected } = sniffFormat(head);
  if (format === 'jpeg') {
    const m = emptyMeasured(head.length);
    return measureJpegHeader(head, m) && m.widthPx && m.heightPx
      ? { width: m.widthPx, height: m.heightPx }
      : null;
  }
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (detected === 'png' && head.length >= 24)
    return { width: view.getUint32(16), height: view.getUint32(20) };
  if (detected === 'webp' && head.length >= 30) {
    const chunk = String.fromCharCode(...head.subarray(12, 16));
    const u24 = (at: number) => head[at] | (head[at + 1] << 8) | (head[at + 2] << 16);
    if (chunk === 'VP8X') return { width: u24(24) + 1, height: u24(27) + 1 };
    if (chunk === 'VP8 ')
      return {
        width: view.getUint16(26, true) & 0x3fff,
        height: view.getUint16(28, true) & 0x3fff,
      };
    if (chunk === 'VP8L') {
      const bits = view.getUint32(21, true);
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
  }
  return null;
}

const HEIC_MESSAGE =
  'Ce navigateur ne sait pas ouvrir les photos HEIC (le format des iPhone). Sur l’iPhone, choisissez la photo avec ce même bouton depuis Safari : elle est alors convertie en JPEG. Ou réglez l’appareil photo sur « Le plus compatible » (Réglages, Appareil photo, Formats) et reprenez la photo.';
const UNREADABLE_MESSAGE =
  'Cette image n’a pas pu être ouverte : le fichier est peut-être incomplet ou dans un format que ce navigateur ne lit pas. Essayez avec une autre photo, ou prenez-en une nouvelle avec le bouton « Prendre une photo ».';

/** What decodePicture and openPicture read before decoding: the file's displayed size, if told. */
type Probed =
  | { ok: true; size: { width: number; height: number } | null; detected: string | null }
  | { ok: false; message: string };

async function probe(file: Blob): Promise<Probed> {
  if (file.size > MAX_INPUT_BYTES) {
    return {
      ok: false,
      message: `Ce fichier pèse plus de ${MAX_INPUT_BYTES / 1024 / 1024} Mo : ce n’est pas une photo ordinaire. Choisissez la photo elle-même, ou prenez-en une nouvelle.`,
    };
  }
  const head = await readHead(file, HEADER_BYTES);
  const size = headerSize(head);
  if (size && size.width * size.height > MAX_INPUT_PIXELS) {
    return {
      ok: false,
      message:
        'Cette image compte plus de 100 millions de pixels : elle est trop grande pour être ouverte sur cet appareil. Choisissez une photo ordinaire.',
    };
  }
  return { ok: true, size, detected: sniffFormat(head).detected };
}

const failure = (detected: string | null): { ok: false; message: string } => ({
  ok: false,
  message: detected === 'heic' || detected === 'avif' ? HEIC_MESSAGE : UNREADABLE_MESSAGE,
});

/** The size at most longSide on its longer side (never enlarged). */
function scaledTo(
  size: { width: number; height: number },
  longSide: number,
): { width: number; height: number } {
  const k = Math.min(1, longSide / Math.max(size.width, size.height));
  return {
    width: Math.max(1, Math.round(size.width * k)),
    height: Math.max(1, Math.round(size.height * k)),
  };
}

/** One decode, the EXIF orientation applied, resampled to `to` while decoding. */
function decodeTo(file: Blob, to: { width: number; height: number }): Promise<ImageBitmap> {
  return createImageBitmap(file, {
    imageOrientation: 'from-image',
    resizeWidth: to.width,
    resizeHeight: to.height,
    resizeQuality: 'high',
  });
}

/** A decode whose size the header did not tell: full size, then down to the working size. */
async function decodeUnsized(file: Blob): Promise<ImageBitmap> {
  const full = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const long = Math.max(full.width, full.height);
  if (long <= WORKING_LONG_SIDE) return full;
  const scaled = await createImageBitmap(full, {
    ...scaledTo(full, WORKING_LONG_SIDE),
    resizeQuality: 'high',
  });
  full.close();
  return scaled;
}

/**
 * Decodes a picture in the browser (never on the server), the EXIF orientation applied, scaled
 * down at decode time to WORKING_LONG_SIDE when its header tells its size.
 */
export async function decodePicture(file: Blob): Promise<Decoded> {
  const probed = await probe(file);
  if (!probed.ok) return probed;
  const { size } = probed;
  try {
    const bitmap =
      size && Math.max(size.width, size.height) > WORKING_LONG_SIDE
        ? await decodeTo(file, scaledTo(size, WORKING_LONG_SIDE))
        : await decodeUnsized(file);
    return {
      ok: true,
      bitmap,
      width: bitmap.width,
      height: bitmap.height,
      sourceWidth: size?.width ?? null,
      sourceHeight: size?.height ?? null,
    };
  } catch {
    return failure(probed.detected);
  }
}

export type Opened =
  | {
      ok: true;
      /** The working picture's size: the frame's coordinates (and a detected face's) are in these pixels. */
      width: number;
      height: number;
      /** Shown first: the picture at the screen's size, drawn stretched to width × height. */
      display: ImageBitmap;
      /** The working picture (WORKING_LONG_SIDE), for the export and deep zooms: decoded after the display one. */
      working: Promise<ImageBitmap>;
    }
  | { ok: false; message: string };

/**
 * For the editor: a first, small decode at the screen's size (displayLongSide), shown at once,
 * and the working picture decoded next, while the driver already sees the photo. When the header
 * does not tell the size (HEIC, an unusual file), one decode serves both.
 */
export async function openPicture(file: Blob, displayLongSide: number): Promise<Opened> {
  const probed = await probe(file);
  if (!probed.ok) return probed;
  performance.mark(ASSISTANT_MARKS.headerRead);
  const { size } = probed;
  try {
    if (!size || Math.max(size.width, size.height) <= displayLongSide * 1.25) {
      const bitmap =
        size && Math.max(size.width, size.height) > WORKING_LONG_SIDE
          ? await decodeTo(file, scaledTo(size, WORKING_LONG_SIDE))
          : await decodeUnsized(file);
      performance.mark(ASSISTANT_MARKS.displayDecoded);
      performance.mark(ASSISTANT_MARKS.workingDecoded);
      return {
        ok: true,
        width: bitmap.width,
        height: bitmap.height,
        display: bitmap,
        working: Promise.resolve(bitmap),
      };
    }
    const work = scaledTo(size, WORKING_LONG_SIDE);
    const display = await decodeTo(file, scaledTo(size, displayLongSide));
    performance.mark(ASSISTANT_MARKS.displayDecoded);
    const working = decodeTo(file, work).then((bitmap) => {
      performance.mark(ASSISTANT_MARKS.workingDecoded);
      return bitmap;
    });
    return { ok: true, width: work.width, height: work.height, display, working };
  } catch {
    return failure(probed.detected);
  }
}
