/**
 * Every threshold of the quality warnings, with where it comes from. The
 * same table is documented in docs/image-rules.md ("Quality warnings").
 * Figures are at the analysis scale (ANALYSIS_WIDTH px wide).
 */
export const ANALYSIS_WIDTH = 300;

export const THRESHOLDS = {
  /** French rule (ANTS / service-public): head chin to crown 32–36 mm on a 45 mm photo. */
  headMinMm: 32,
  headMaxMm: 36,
  photoHeightMm: 45,
  /** ISO/IEC 19794-5 (full frontal): face centre within ±5 % of the width from the vertical mid-line. */
  maxOffsetX: 0.05,
  /** ISO/IEC 19794-5 (full frontal): eye line between 50 % and 70 % of the height from the bottom. */
  eyeHeightMin: 0.5,
  eyeHeightMax: 0.7,
  /** ICAO 9303 part 3 / ISO/IEC 19794-5: head not tilted; we warn past 5° of roll. */
  maxEyeAngleDeg: 5,
  /** ICAO 9303: the whole head shows, with a margin; ours: estimated crown ≥ 1 % of the height below the top. */
  minTopMargin: 0.01,
  /** Ours: the jaw line ≥ 5 % of the width from the sides (room for ears and hair). */
  minSideMargin: 0.05,
  /** Chin to crown ≈ 1.75 × chin to eyebrows (adult anthropometry; the detector sees no crown). */
  crownFactor: 1.75,
  /** Faces under this share of the largest one's width are ignored (noise, a face on a T-shirt). */
  minFaceShare: 0.25,
  /** Detector score below which a box is not a face. */
  minFaceScore: 0.4,
  /** French rule: plain background. Ours: luma standard deviation of the background bands. */
  maxBackgroundStd: 10,
  /** French rule: light background (light grey, light blue). Ours: mean luma of the background. */
  minBackgroundLuma: 135,
  /** French rule: white is refused. Ours: luma ≥ 242 with little colour. */
  whiteBackgroundLuma: 242,
  whiteBackgroundMaxChroma: 12,
  /**
   * ISO/IEC 19794-5 / ICAO 9303: correct exposure, no dark or burnt face. Ours: under-exposed when the
   * brightest parts of the image (98th percentile: background, eye whites) stay below minHighlightLuma,
   * or the face's mean luma is below minFaceLuma (a low bound: skin tones differ); over-exposed when the
   * face's mean luma passes maxFaceLuma or more than maxFaceClipped of it is burnt to white.
   */
  minHighlightLuma: 160,
  minFaceLuma: 45,
  maxFaceLuma: 190,
  maxFaceClipped: 0.05,
  /** ISO/IEC 19794-5: sharp focus. Ours: variance of the Laplacian of the inner face at 300 px wide. */
  minSharpness: 25,
  /** ICAO 9303 / French rule: colour photo. Ours: mean chroma under this is grayscale. */
  minChroma: 6,
  /** ISO/IEC 19794-5: natural colours. Ours: grey-world cast past these means. */
  maxCastRedGreen: 45,
  maxCastYellowBlue: 60,
  /** Seed guide: dark ink on a light background. Ours: luma of paper and ink. */
  minPaperLuma: 170,
  maxInkLuma: 110,
  minInkContrast: 90,
  /** Seed guide: signature fills its frame. Ours: ink box ≥ 55 % of the width or ≥ 45 % of the height. */
  minInkWidthShare: 0.55,
  minInkHeightShare: 0.45,
  /** Ours: a row or column of ink longer than 85 % of the side is a ruled line or a frame. */
  maxLineRun: 0.85,
  /** Ours: more than 30 % of ink is text or a filled area, not a signature. */
  maxInkShare: 0.3,
} as const;

export type Thresholds = typeof THRESHOLDS;
