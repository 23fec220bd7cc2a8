/**
 * Image measurement shared by the Images module of the api, the check-image
 * command and the benchmarks: plain functions and worker pools, no Nest.
 * Node only (sharp, worker threads): the browser apps may not import it.
 */
export { checkImage, HARD_CAP_BYTES, measureImage } from './measure';
export {
  displayDerivedOnRead,
  normaliseByDecoding,
  normaliseForDisplay,
  sha256,
} from './normalise';
export { stripJpegMetadata } from './jpeg-strip';
export { detectFormat, type DetectedFormat } from './format';
export { PDF_INFLATE_BUDGET_BYTES } from './pdf-prescan';
export {
  PDF_TIMEOUT_MS,
  PDF_WORKER_LIMITS,
  PdfWorkerPool,
  resolveWorkerPath,
  shutdownPdfWorkers,
  warmUpPdfWorkers,
} from './pdf-pool';
export { DECODE_CONCURRENCY, decodeJpegFully } from './sharp-guard';
export {
  FACE_DEADLINE_MS,
  FACE_TIMEOUT_MS,
  FACE_WORKER_LIMITS,
  FaceDetectorPool,
  facePool,
  readyFaceWorker,
  resolveFaceWorkerPath,
  shutdownFaceWorker,
  warmUpFaceWorker,
} from './face-pool';
export { decodeRgba, qualityWarnings } from './quality';
export { BudgetedWorkerPool, resolveWorkerFile, type WorkerOutcome } from './worker-pool';
