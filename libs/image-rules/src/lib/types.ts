/** The two pieces a driver uploads for the professional card. */
export type ImageKind = 'photo' | 'signature';

export const IMAGE_KINDS: readonly ImageKind[] = ['photo', 'signature'];

/** The only accepted formats, recognised by their magic bytes. */
export type ImageFormat = 'jpeg' | 'pdf';

/**
 * The stable error codes of the spec (shared/spec/image-rules.md), in the
 * order the checks are applied and reported.
 */
export const ErrorCode = {
  EMPTY: 'EMPTY',
  TOO_LARGE: 'TOO_LARGE',
  UNSUPPORTED_FORMAT: 'UNSUPPORTED_FORMAT',
  CORRUPT: 'CORRUPT',
  PDF_PAGES: 'PDF_PAGES',
  PDF_NO_IMAGE: 'PDF_NO_IMAGE',
  PDF_UNSAFE: 'PDF_UNSAFE',
  DPI_MISSING: 'DPI_MISSING',
  DPI_OUT_OF_RANGE: 'DPI_OUT_OF_RANGE',
  RATIO: 'RATIO',
  DIMENSIONS: 'DIMENSIONS',
  TOO_MANY_PIXELS: 'TOO_MANY_PIXELS',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Every code, in check order. */
export const ERROR_CODES: readonly ErrorCode[] = Object.values(ErrorCode);

/** Why a file that starts like a JPEG or a PDF could not be read. */
export type CorruptReason =
  /** JPEG: no SOF before the scan, broken segment lengths, zero height… */
  | 'jpeg-header'
  /** JPEG: the header reads fine but the image data does not decode fully. */
  | 'jpeg-data'
  /** PDF: no `%%EOF` at the end, the file was cut. */
  | 'pdf-truncated'
  /** PDF: the structure cannot be parsed. */
  | 'pdf-structure'
  /** PDF: the compressed streams inflate past the decompression budget. */
  | 'pdf-bomb'
  /** PDF: the analysis ran past its time or memory budget and was stopped. */
  | 'pdf-timeout'
  /** PDF: the measured embedded image does not decode. */
  | 'pdf-image'
  /** PDF: a compression filter the portal does not accept (LZW, RunLength…) where it must be read. */
  | 'pdf-filter';

/** What makes a PDF unsafe (`PDF_UNSAFE`). */
export type UnsafeReason =
  | 'javascript'
  | 'launch'
  | 'submit-form'
  | 'import-data'
  | 'remote-goto'
  | 'embedded-file'
  | 'encryption';

/**
 * The figures measured on a file. Produced by the server-side measurement
 * (sharp, pdf-lib, segment parsing), consumed by `evaluate`.
 *
 * Figures that could not be measured are `null`; a check whose figures are
 * `null` is not applied (except `DPI_MISSING`, which is exactly that case).
 */
export interface Measured {
  /** Format from the magic bytes; `null` when neither JPEG nor PDF (or empty). */
  format: ImageFormat | null;
  /** What the magic bytes say when unsupported: 'png', 'gif', 'webp', 'unknown'… */
  detectedFormat: string | null;
  /** Size of the file in bytes. */
  bytes: number;
  /** false when nothing was parsed (empty, unsupported, or over the hard cap). */
  analysed: boolean;
  /** Set when the file starts like a JPEG/PDF but cannot be fully read. */
  corrupt: CorruptReason | null;
  /** Displayed pixel size (orientation applied). For a PDF: its largest embedded image. */
  widthPx: number | null;
  heightPx: number | null;
  /** Pixel count announced by the header (JPEG SOF, PDF image /Width×/Height). */
  announcedPixels: number | null;
  /** Resolution in DPI, rounded to a whole number, `null` when not declared. */
  dpiX: number | null;
  dpiY: number | null;
  /** Where the resolution comes from. */
  dpiSource: 'jfif' | 'exif' | 'pdf' | null;
  /** Physical size in millimetres (0.1 mm), as displayed. */
  widthMm: number | null;
  heightMm: number | null;
  /** JPEG: EXIF orientation (1–8), `null` when absent. */
  orientation: number | null;
  /** PDF: page size in points (1/72 in), /UserUnit and /Rotate applied. */
  pageWidthPt: number | null;
  pageHeightPt: number | null;
  /** PDF: page count. */
  pdfPages: number | null;
  /** PDF: whether the measured page holds a raster image. */
  hasImage: boolean | null;
  /** PDF: what makes it unsafe (empty when safe or not a PDF). */
  unsafe: UnsafeReason[];
}

/** One failing check. */
export interface RuleError {
  code: ErrorCode;
  /** French, for the driver: what was measured and what is expected. */
  message: string;
  /** French, for the driver: how to fix it. */
  hint: string;
}

/**
 * A non-blocking quality warning (grayscale, dark, blurred…). None is
 * produced yet: the type keeps the place for them.
 */
export interface RuleWarning {
  code: string;
  message: string;
  hint: string;
}

export interface Verdict {
  kind: ImageKind;
  valid: boolean;
  errors: RuleError[];
  warnings: RuleWarning[];
  measured: Measured;
}
