/**
 * Lossless display copy of an upright JPEG: the same compressed image (quantisation and Huffman
 * tables, frame, scans) without its metadata. Kept: the coding segments, the JFIF APP0 rewritten
 * (density only, no thumbnail) when there was one, the Adobe APP14 colour-transform flag that decoders need, and the
 * ICC colour profile (APP2 ICC_PROFILE: colours, no personal data). Dropped: EXIF and XMP (APP1,
 * with GPS, names and thumbnails), MPF and FlashPix (APP2, with their extra images), IPTC (APP13),
 * every other APPn, comments, and whatever follows the end of the image. Returns null when the
 * file is not such a JPEG (then the caller re-encodes it with sharp). Bounded and never throws.
 */

import { be16, MAX_SEGMENTS, readJpegSegment, startsWithAscii } from './jpeg';

const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;
const COM = 0xfe;

/** Segments a decoder needs: tables, frame, restart interval, hierarchical/arithmetic extras. */
const isCodingSegment = (marker: number) =>
  (marker >= 0xc0 && marker <= 0xcf) ||
  marker === 0xdb ||
  marker === 0xdd ||
  marker === 0xdc ||
  marker === 0xde ||
  marker === 0xdf;

/** APP0 "JFIF": version 1.02, the original units and densities, no thumbnail. */
function cleanJfif(data: Uint8Array): Buffer {
  const units = data[7];
  const xDensity = be16(data, 8);
  const yDensity = be16(data, 10);
  return Buffer.from([
    0xff,
    APP0,
    0x00,
    0x10,
    0x4a,
    0x46,
    0x49,
    0x46,
    0x00,
    0x01,
    0x02,
    units,
    xDensity >> 8,
    xDensity & 0xff,
    yDensity >> 8,
    yDensity & 0xff,
    0x00,
    0x00,
  ]);
}

/** The stripped copy, or null when the JPEG is malformed or never reaches its end-of-image marker. */
export function stripJpegMetadata(bytes: Uint8Array): Buffer | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const kept: Uint8Array[] = [];
  let jfif: Uint8Array | null = null;
  let pos = 2;
  for (let count = 0; count < MAX_SEGMENTS; count++) {
    const segment = readJpegSegment(bytes, pos);
    if (!segment.ok) return null;
    const { marker, start, end, data } = segment;
    if (marker === EOI) {
      // A JFIF header only where there was one: added to an Adobe RGB file it would make decoders read RGB as YCbCr.
      return Buffer.concat([
        bytes.subarray(0, 2),
        ...(jfif ? [cleanJfif(jfif)] : []),
        ...kept,
        bytes.subarray(start, end),
      ]);
    }
    if (data === null) return null;
    const whole = bytes.subarray(start, end);
    if (marker === APP0) {
      if (jfif === null && startsWithAscii(data, 0, 'JFIF\0') && data.length >= 12) jfif = data;
    } else if (marker === APP14) {
      if (startsWithAscii(data, 0, 'Adobe') && data.length === 12) kept.push(whole);
    } else if (marker === APP2) {
      if (startsWithAscii(data, 0, 'ICC_PROFILE\0')) kept.push(whole);
    } else if (isCodingSegment(marker)) {
      kept.push(whole);
    } else if (marker === SOS) {
      // The scan header, then its entropy-coded data: up to the next marker that is neither a
      // stuffed 0xFF00 nor a restart marker.
      let scanEnd = end;
      while (scanEnd + 1 < bytes.length) {
        if (
          bytes[scanEnd] === 0xff &&
          bytes[scanEnd + 1] !== 0x00 &&
          !(bytes[scanEnd + 1] >= 0xd0 && bytes[scanEnd + 1] <= 0xd7)
        )
          break;
        scanEnd++;
      }
      if (scanEnd + 1 >= bytes.length) return null;
      kept.push(bytes.subarray(start, scanEnd));
      pos = scanEnd;
      continue;
    } else if (marker !== COM && !(marker >= 0xe0 && marker <= 0xef)) {
      // An unknown segment: not something to carry over blindly.
      return null;
    }
    pos = end;
  }
  return null;
}
