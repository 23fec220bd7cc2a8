import type { DetectedFace, Rgba } from './types';

/**
 * How the face detector (@vladmandic/face-api: TinyFaceDetector + the tiny
 * 68-point landmark net, TensorFlow.js WASM backend) is run, the same in the
 * browser and in the API's worker, on the analysis image.
 */
export const DETECTOR = {
  package: '@vladmandic/face-api',
  inputSize: 320,
  scoreThreshold: 0.4,
  /** The analysis image is centred on a mid-grey canvas this much larger: the tiny detector misses faces that fill the frame. */
  padding: 1.5,
  models: ['tiny_face_detector_model', 'face_landmark_68_tiny_model'],
} as const;

/**
 * What the detector is run on, as the worker takes it: the RGB bytes (3 a pixel) of a mid-grey
 * canvas DETECTOR.padding times larger with the analysis image centred on it, made in one pass.
 */
export function detectorInput(img: Rgba): {
  width: number;
  height: number;
  rgb: Uint8Array;
  offsetX: number;
  offsetY: number;
} {
  const width = Math.round(img.width * DETECTOR.padding);
  const height = Math.round(img.height * DETECTOR.padding);
  const offsetX = Math.round((width - img.width) / 2);
  const offsetY = Math.round((height - img.height) / 2);
  const rgb = new Uint8Array(width * height * 3).fill(128);
  const src = img.data;
  for (let y = 0; y < img.height; y++) {
    let o = ((y + offsetY) * width + offsetX) * 3;
    for (let i = y * img.width * 4, end = (y + 1) * img.width * 4; i < end; i += 4, o += 3) {
      rgb[o] = src[i];
      rgb[o + 1] = src[i + 1];
      rgb[o + 2] = src[i + 2];
    }
  }
  return { width, height, rgb, offsetX, offsetY };
}

/** The shape of one face-api result with landmarks (structural: the library does not import face-api). */
export interface FaceApiResult {
  detection: { score: number; box: { x: number; y: number; width: number; height: number } };
  landmarks: { positions: { x: number; y: number }[] };
}

const r2 = (v: number): number => Math.round(v * 100) / 100;

/**
 * face-api results (on the detector input) as plain, serialisable faces in
 * the analysis image's pixels, rounded to 0.01 px so both sides compare equal.
 */
export function toDetectedFaces(
  results: FaceApiResult[],
  offset = { offsetX: 0, offsetY: 0 },
): DetectedFace[] {
  const { offsetX: dx, offsetY: dy } = offset;
  return results.map((r) => ({
    score: r2(r.detection.score),
    box: {
      x: r2(r.detection.box.x - dx),
      y: r2(r.detection.box.y - dy),
      width: r2(r.detection.box.width),
      height: r2(r.detection.box.height),
    },
    landmarks: r.landmarks.positions.map((p) => ({ x: r2(p.x - dx), y: r2(p.y - dy) })),
  }));
}
