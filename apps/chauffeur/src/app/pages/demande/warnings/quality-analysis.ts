/**
 * The quality warnings computed in the driver's browser, with the same code as the server
 * (`@t3p/image-warnings`): the picture decoded here (EXIF orientation applied), reduced to the
 * 300 px analysis image, the face detector (@vladmandic/face-api, TensorFlow.js WASM backend,
 * the same nets and options as the API's face worker) run on it, then `analysePhoto` /
 * `analyseSignature`. This module is only ever imported dynamically (see quality-warnings.ts):
 * neither the detector nor TensorFlow.js is in the portal's initial JavaScript. Its weights and
 * WASM files are served from the portal's own origin (copied from the npm packages by the build
 * into assets/face-api/ and assets/tfjs-wasm/): nothing is fetched elsewhere.
 */
import { setBackend, ready } from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as faceapi from '@vladmandic/face-api/dist/face-api.esm-nobundle.js';
import type { FaceBox } from '@t3p/image-assistant';
import {
  DETECTOR,
  analysePhoto,
  analyseSignature,
  analysisImage,
  detectorInput,
  headBox,
  significantFaces,
  toDetectedFaces,
  type DetectedFace,
  type QualityWarning,
  type Rgba,
} from '@t3p/image-warnings';

/** Where the build puts the weights and the WASM files (project.json, assets). */
const MODELS_PATH = 'assets/face-api/';
const WASM_PATH = 'assets/tfjs-wasm/';
let loading: Promise<void> | null = null;

/** Loads the backend and the two nets once (a failed load is retried on the next photo). */
function detectorReady(): Promise<void> {
  loading ??= (async () => {
    setWasmPaths(new URL(WASM_PATH, document.baseURI).href);
    if (!(await setBackend('wasm'))) throw new Error('TensorFlow.js WASM backend unavailable');
    await ready();
    const models = new URL(MODELS_PATH, document.baseURI).href;
    await faceapi.nets.tinyFaceDetector.loadFromUri(models);
    await faceapi.nets.faceLandmark68TinyNet.loadFromUri(models);
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** The faces on the analysis image, as the API's worker finds them; null when the detector could not run here. */
async function detectFaces(img: Rgba): Promise<DetectedFace[] | null> {
  try {
    await detectorReady();
  } catch {
    return null;
  }
  const input = detectorInput(img);
  const tensor = faceapi.tf.tensor3d(input.rgb, [input.height, input.width, 3], 'int32');
  try {
    const results = await faceapi
      .detectAllFaces(
        tensor,
        new faceapi.TinyFaceDetectorOptions({
          inputSize: DETECTOR.inputSize,
          scoreThreshold: DETECTOR.scoreThreshold,
        }),
      )
      .withFaceLandmarks(true);
    return toDetectedFaces(
      results.map((r) => ({
        detection: {
          score: r.detection.score,
          box: {
            x: r.detection.box.x,
            y: r.detection.box.y,
            width: r.detection.box.width,
            height: r.detection.box.height,
          },
        },
        landmarks: { positions: r.landmarks.positions.map((p) => ({ x: p.x, y: p.y })) },
      })),
      input,
    );
  } catch {
    return null;
  } finally {
    tensor.dispose();
  }
}

/** RGBA pixels of a decoded picture, as sharp gives them on the server. */
function pixelsOf(bitmap: ImageBitmap): Rgba {
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.drawImage(bitmap, 0, 0);
  const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
  canvas.width = 0;
  return { width: bitmap.width, height: bitmap.height, data };
}

/**
 * The quality warnings of a file the driver is sending (a JPEG that passes the rules, hence
 * small), the same as the server's; null when this browser cannot decode it.
 */
export async function browserQualityWarnings(
  file: Blob,
  kind: 'photo' | 'signature',
): Promise<QualityWarning[] | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  let img: Rgba;
  try {
    img = analysisImage(pixelsOf(bitmap));
  } finally {
    bitmap.close();
  }
  const warnings =
    kind === 'signature'
      ? analyseSignature(img).warnings
      : analysePhoto(img, await detectFaces(img)).warnings;
  return warnings;
}

/**
 * The driver's head (estimated crown to chin) in the pixels of `bitmap`, for the assistant's first
 * frame; null when no face is found or the detector cannot run here.
 */
export async function findHead(bitmap: ImageBitmap): Promise<FaceBox | null> {
  const img = analysisImage(pixelsOf(bitmap));
  const faces = await detectFaces(img);
  const main = faces ? significantFaces(faces)[0] : undefined;
  if (!main || main.landmarks.length < 68) return null;
  const box = headBox(main);
  const k = bitmap.width / img.width;
  return { x: box.x * k, y: box.y * k, width: box.width * k, height: box.height * k };
}
