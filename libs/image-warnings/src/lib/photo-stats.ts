import {
  clippedShare,
  colourCast,
  grayMoments,
  grayQuantile,
  laplacianVariance,
  meanChroma,
  toGray,
} from './raster';
import { THRESHOLDS } from './thresholds';
import type { Box, DetectedFace, PhotoPixelStats, Rgba } from './types';

/**
 * Background bands, where a well-framed identity photo shows only the
 * background. Without a face: the top strip and the two upper side strips.
 * With one: the strip above the estimated crown, and the strips left and
 * right of the head (jaw line widened for hair and ears) down to the eyes.
 */
export function backgroundBands(width: number, height: number, face: DetectedFace | null): Box[] {
  if (!face || face.landmarks.length < 68) {
    return [
      { x: 0, y: 0, width, height: Math.round(height * 0.06) },
      { x: 0, y: 0, width: Math.round(width * 0.12), height: Math.round(height * 0.45) },
      {
        x: Math.round(width * 0.88),
        y: 0,
        width: width - Math.round(width * 0.88),
        height: Math.round(height * 0.45),
      },
    ];
  }
  const lm = face.landmarks;
  const chinY = lm[8].y;
  const browY = Math.min(...lm.slice(17, 27).map((p) => p.y));
  const crownY = chinY - (chinY - browY) * THRESHOLDS.crownFactor;
  const jawLeft = Math.min(lm[0].x, lm[1].x, lm[2].x);
  const jawRight = Math.max(lm[14].x, lm[15].x, lm[16].x);
  const hair = (jawRight - jawLeft) * 0.25;
  const eyeY = (lm[36].y + lm[45].y) / 2;
  const bands: Box[] = [
    { x: 0, y: 0, width, height: Math.floor(crownY - height * 0.01) },
    { x: 0, y: 0, width: Math.floor(jawLeft - hair), height: Math.floor(eyeY) },
    {
      x: Math.ceil(jawRight + hair),
      y: 0,
      width: width - Math.ceil(jawRight + hair),
      height: Math.floor(eyeY),
    },
  ];
  return bands.filter((r) => r.width >= 2 && r.height >= 2);
}

/** The inner face (cheeks, nose, eyes), where exposure and focus are judged. */
export function innerFace(face: DetectedFace): Box {
  const b = face.box;
  return {
    x: b.x + b.width * 0.2,
    y: b.y + b.height * 0.2,
    width: b.width * 0.6,
    height: b.height * 0.65,
  };
}

export function photoPixelStats(img: Rgba, face: DetectedFace | null): PhotoPixelStats {
  const gray = toGray(img);
  const bands = backgroundBands(img.width, img.height, face);
  const bg = grayMoments(gray, bands);
  const inner = face ? innerFace(face) : null;
  const cast = colourCast(img);
  const seen = bg.count >= 50;
  return {
    backgroundLuma: seen ? bg.mean : null,
    backgroundLumaStd: seen ? bg.std : null,
    backgroundChroma: seen ? meanChroma(img, bands) : null,
    highlightLuma: grayQuantile(gray, 0.98),
    clipped: clippedShare(gray, { x: 0, y: 0, width: img.width, height: img.height }),
    faceLuma: inner ? grayMoments(gray, [inner]).mean : null,
    faceClipped: inner ? clippedShare(gray, inner) : null,
    sharpness: laplacianVariance(gray, inner ?? undefined),
    chroma: meanChroma(img),
    castRedGreen: cast.redGreen,
    castYellowBlue: cast.yellowBlue,
  };
}
