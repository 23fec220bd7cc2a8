/** The JPEG header reader lives in the shared rule library, so that the browser reads headers with the same code. */
export {
  be16,
  declaredResolution,
  MAX_SEGMENTS,
  parseExifTiff,
  parseJpegHeader,
  readJpegSegment,
  startsWithAscii,
  type JpegHeader,
  type JpegHeaderResult,
  type JpegResolution,
  type JpegSegment,
} from '@t3p/image-rules';
