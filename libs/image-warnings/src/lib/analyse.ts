import { downscale } from './raster';
import { faceGeometry, significantFaces } from './face-geometry';
import { photoPixelStats } from './photo-stats';
import { signatureFigures } from './signature-stats';
import { ANALYSIS_WIDTH } from './thresholds';
import { photoWarnings, signatureWarnings } from './warnings';
import type { DetectedFace, PhotoFigures, QualityWarning, Rgba, SignatureFigures } from './types';

/** The image every measure is taken on, whoever decoded it: ANALYSIS_WIDTH px wide. */
export function analysisImage(decoded: Rgba): Rgba {
  return downscale(decoded, ANALYSIS_WIDTH);
}

/**
 * Photo figures from the analysis image and the detector's faces (in its
 * pixels); `faces` null when the detector did not run.
 */
export function photoFigures(img: Rgba, faces: DetectedFace[] | null): PhotoFigures {
  const kept = faces ? significantFaces(faces) : null;
  const main = kept && kept.length > 0 ? kept[0] : null;
  return {
    faceCount: kept ? kept.length : null,
    geometry:
      main && main.landmarks.length >= 68 ? faceGeometry(main, img.width, img.height) : null,
    pixels: photoPixelStats(img, main),
  };
}

export function analysePhoto(
  img: Rgba,
  faces: DetectedFace[] | null,
): { figures: PhotoFigures; warnings: QualityWarning[] } {
  const figures = photoFigures(img, faces);
  return { figures, warnings: photoWarnings(figures) };
}

export function analyseSignature(img: Rgba): {
  figures: SignatureFigures;
  warnings: QualityWarning[];
} {
  const figures = signatureFigures(img);
  return { figures, warnings: signatureWarnings(figures) };
}
