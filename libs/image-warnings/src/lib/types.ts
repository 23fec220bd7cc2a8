import type { RuleWarning } from '@t3p/image-rules';

/** The stable codes of the quality warnings (never blocking). */
export const WarningCode = {
  /** The face detector could not run in its budget: the face warnings are missing, not passed. */
  FACE_ANALYSIS_UNAVAILABLE: 'FACE_ANALYSIS_UNAVAILABLE',
  NO_FACE: 'NO_FACE',
  SEVERAL_FACES: 'SEVERAL_FACES',
  HEAD_TOO_SMALL: 'HEAD_TOO_SMALL',
  HEAD_TOO_LARGE: 'HEAD_TOO_LARGE',
  FACE_OFF_CENTRE: 'FACE_OFF_CENTRE',
  EYES_NOT_LEVEL: 'EYES_NOT_LEVEL',
  FACE_NEAR_EDGE: 'FACE_NEAR_EDGE',
  BACKGROUND_NOT_UNIFORM: 'BACKGROUND_NOT_UNIFORM',
  BACKGROUND_TOO_DARK: 'BACKGROUND_TOO_DARK',
  BACKGROUND_WHITE: 'BACKGROUND_WHITE',
  FACE_UNDEREXPOSED: 'FACE_UNDEREXPOSED',
  FACE_OVEREXPOSED: 'FACE_OVEREXPOSED',
  BLURRED: 'BLURRED',
  GRAYSCALE: 'GRAYSCALE',
  COLOUR_CAST: 'COLOUR_CAST',
  INK_TOO_PALE: 'INK_TOO_PALE',
  INK_NOT_DARK_ON_LIGHT: 'INK_NOT_DARK_ON_LIGHT',
  SIGNATURE_WIDE_MARGINS: 'SIGNATURE_WIDE_MARGINS',
  SIGNATURE_EXTRA_MARKS: 'SIGNATURE_EXTRA_MARKS',
} as const;
export type WarningCode = (typeof WarningCode)[keyof typeof WarningCode];

export const WARNING_CODES: readonly WarningCode[] = Object.values(WarningCode);

export interface QualityWarning extends RuleWarning {
  code: WarningCode;
}

/** An RGBA raster (4 bytes a pixel, rows top to bottom), as a canvas or sharp gives it. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** One luma (0–255) a pixel. */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array | Float32Array;
}

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One face as the detector reports it, in the analysis image's pixels. */
export interface DetectedFace {
  box: Box;
  score: number;
  /** The 68 points of the iBUG 300-W scheme (jaw 0–16, brows 17–26, eyes 36–47…). */
  landmarks: Point[];
}

/** Where the face sits, derived from the landmarks (all fractions of the image size). */
export interface FaceGeometry {
  /** Estimated chin-to-crown height over the image height. */
  headRatio: number;
  /** Head height in mm on a 45 mm photo (headRatio × 45). */
  headMm: number;
  /** Eye midpoint's horizontal offset from the centre, over the width (signed, + is right). */
  offsetX: number;
  /** Eye line's height above the bottom edge, over the height. */
  eyeHeight: number;
  /** Angle of the eye line, degrees (signed). */
  eyeAngleDeg: number;
  /** Estimated crown above the top edge, over the height (negative: cut off). */
  topMargin: number;
  /** Smallest distance of the jaw line (landmarks 0–1, 15–16) to the left or right edge, over the width. */
  sideMargin: number;
}

/** Pixel statistics of a photo (analysis scale). */
export interface PhotoPixelStats {
  /** Background bands' mean luma, its standard deviation and mean chroma; null when the head leaves no band to see. */
  backgroundLuma: number | null;
  backgroundLumaStd: number | null;
  backgroundChroma: number | null;
  /** 98th percentile of the luma over the whole image (the brightest parts: background, eye whites). */
  highlightLuma: number;
  /** Share of the image's pixels clipped to white (≥ 250). */
  clipped: number;
  /** Mean luma of the face's inner region (null without a face). */
  faceLuma: number | null;
  /** Share of the face region's pixels clipped to white (≥ 250). */
  faceClipped: number | null;
  /** Variance of the Laplacian on the face region (whole image without a face). */
  sharpness: number;
  /** Mean chroma (max − min of R, G, B) over the image. */
  chroma: number;
  /** Grey-world cast: mean of (R − G) and of ((R + G) / 2 − B), in 0–255 units. */
  castRedGreen: number;
  castYellowBlue: number;
}

export interface PhotoFigures {
  /** null: the detector did not run (time or memory budget). */
  faceCount: number | null;
  geometry: FaceGeometry | null;
  pixels: PhotoPixelStats;
}

export interface SignatureFigures {
  paperLuma: number;
  inkLuma: number;
  /** Ink pixels (darker than the mid-point of ink and paper) over all pixels. */
  inkShare: number;
  /** Ink bounding box over the width and over the height. */
  inkWidthShare: number;
  inkHeightShare: number;
  /** Longest run of ink along one row over the width (a ruled line is ≈ 1). */
  longestRowRun: number;
  /** Longest run of ink along one column over the height (a frame edge is ≈ 1). */
  longestColumnRun: number;
}
