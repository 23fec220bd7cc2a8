import { THRESHOLDS } from './thresholds';
import type { Box, DetectedFace, FaceGeometry, Point } from './types';

function mean(points: Point[]): Point {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return { x: x / points.length, y: y / points.length };
}

/** The faces that count: a score above the floor and not tiny next to the largest. */
export function significantFaces(faces: DetectedFace[]): DetectedFace[] {
  const scored = faces.filter((f) => f.score >= THRESHOLDS.minFaceScore);
  const largest = Math.max(0, ...scored.map((f) => f.box.width));
  return scored
    .filter((f) => f.box.width >= THRESHOLDS.minFaceShare * largest)
    .sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
}

/** The estimated crown's height above the chin, from the landmarks (chin − top of the eyebrows, × crownFactor). */
function headHeightPx(lm: Point[]): number {
  const browTop = Math.min(...lm.slice(17, 27).map((p) => p.y));
  return (lm[8].y - browTop) * THRESHOLDS.crownFactor;
}

/**
 * The head (estimated crown to chin, jaw line side to side) from the 68 landmarks, in the same
 * pixels: what the photo assistant's first frame is placed on (`frameForFace`).
 */
export function headBox(face: DetectedFace): Box {
  const lm = face.landmarks;
  const jaw = lm.slice(0, 17).map((p) => p.x);
  const chinY = lm[8].y;
  const height = headHeightPx(lm);
  const left = Math.min(...jaw);
  return { x: left, y: chinY - height, width: Math.max(...jaw) - left, height };
}

/**
 * Where the face sits, from its 68 landmarks. The detector sees no crown:
 * it is placed at crownFactor × (chin − eyebrows) above the chin.
 */
export function faceGeometry(face: DetectedFace, width: number, height: number): FaceGeometry {
  const lm = face.landmarks;
  const chin = lm[8];
  const leftEye = mean(lm.slice(36, 42));
  const rightEye = mean(lm.slice(42, 48));
  const headPx = headHeightPx(lm);
  const crownY = chin.y - headPx;
  const eyeMid = { x: (leftEye.x + rightEye.x) / 2, y: (leftEye.y + rightEye.y) / 2 };
  const angle = (Math.atan2(rightEye.y - leftEye.y, rightEye.x - leftEye.x) * 180) / Math.PI;
  const headRatio = headPx / height;
  return {
    headRatio,
    headMm: headRatio * THRESHOLDS.photoHeightMm,
    offsetX: (eyeMid.x - width / 2) / width,
    eyeHeight: (height - eyeMid.y) / height,
    eyeAngleDeg: angle,
    topMargin: crownY / height,
    sideMargin: Math.min(Math.min(lm[0].x, lm[1].x), width - Math.max(lm[15].x, lm[16].x)) / width,
  };
}
