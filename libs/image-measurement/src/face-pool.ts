import {
  DETECTOR,
  detectorInput,
  toDetectedFaces,
  type DetectedFace,
  type FaceApiResult,
  type Rgba,
} from '@t3p/image-warnings';
import { BudgetedWorkerPool, resolveWorkerFile } from './worker-pool';

/**
 * Time one photo may spend in the face worker (the analysis image is 300 px
 * wide: ~40–80 ms on this machine). Past it the worker is terminated and the
 * verdict says FACE_ANALYSIS_UNAVAILABLE.
 */
export const FACE_TIMEOUT_MS = 600;
/**
 * Whole wait for faces, queue and worker start-up included (a worker replaced after a
 * timeout takes seconds to load its models on a busy machine): past it the verdict goes
 * without the face warnings. The job itself still runs, within FACE_TIMEOUT_MS.
 */
export const FACE_DEADLINE_MS = 850;
/** V8 limits of the face worker (TensorFlow's WASM memory is apart, bounded by the fixed input size). */
export const FACE_WORKER_LIMITS = {
  maxOldGenerationSizeMb: 192,
  maxYoungGenerationSizeMb: 32,
  codeRangeSizeMb: 32,
  stackSizeMb: 4,
};

/** Finds face-worker.js (see resolveWorkerFile); `$T3P_FACE_WORKER` overrides. */
export function resolveFaceWorkerPath(): string {
  return resolveWorkerFile('face-worker.js', 'T3P_FACE_WORKER');
}

/**
 * One face worker: the detector is CPU-bound, so a single thread leaves the
 * other core to the api's requests.
 */
export class FaceDetectorPool {
  private readonly pool: BudgetedWorkerPool<FaceApiResult[]>;
  private started = false;

  /** `detector` other than DETECTOR only for tools (the labelled-set builder looks for small faces in group photos). */
  constructor(
    timeoutMs = FACE_TIMEOUT_MS,
    detector: { inputSize: number; scoreThreshold: number } = DETECTOR,
    private readonly deadlineMs = FACE_DEADLINE_MS,
  ) {
    this.pool = new BudgetedWorkerPool<FaceApiResult[]>({
      file: resolveFaceWorkerPath,
      limits: FACE_WORKER_LIMITS,
      workerData: { detector },
      timeoutMs,
      size: 1,
    });
  }

  /** The faces on the analysis image; null when the detector failed or ran out of time. */
  async detect(img: Rgba): Promise<DetectedFace[] | null> {
    if (!this.started) {
      // The process's first photo waits for the first worker (models and kernels, ~0.3–3 s):
      // the deadline below is for a running detector, not for the process start-up.
      this.pool.warmUp();
      await this.pool.ready();
      this.started = true;
    }
    const input = detectorInput(img);
    const { rgb } = input;
    // Past the deadline the verdict goes without faces: a job still queued then is dropped unrun.
    const gaveUp = new AbortController();
    const job = this.pool.run(
      { width: input.width, height: input.height, rgb },
      [rgb.buffer as ArrayBuffer],
      gaveUp.signal,
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => {
        gaveUp.abort();
        resolve(null);
      }, this.deadlineMs);
      timer.unref();
    });
    const outcome = await Promise.race([job, late]);
    clearTimeout(timer);
    return outcome && outcome.status === 'ok' ? toDetectedFaces(outcome.result, input) : null;
  }

  warmUp(): void {
    this.pool.warmUp();
  }

  ready(): Promise<void> {
    return this.pool.ready();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

let shared: FaceDetectorPool | null = null;

/** A budget from the environment (tests comparing results rather than timing), else the default. */
function budgetMs(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/**
 * The process-wide face worker. `T3P_FACE_TIMEOUT_MS` / `T3P_FACE_DEADLINE_MS` widen its budget
 * where results, not timing, are compared (on a loaded machine a timeout is not a difference of logic).
 */
export function facePool(): FaceDetectorPool {
  if (!shared)
    shared = new FaceDetectorPool(
      budgetMs('T3P_FACE_TIMEOUT_MS', FACE_TIMEOUT_MS),
      DETECTOR,
      budgetMs('T3P_FACE_DEADLINE_MS', FACE_DEADLINE_MS),
    );
  return shared;
}

/** Starts the face worker ahead of the first photo (models and WASM load in ~0.3 s). */
export function warmUpFaceWorker(): void {
  facePool().warmUp();
}

/** Starts the face worker and resolves once it is ready (tests and benches that time verdicts). */
export async function readyFaceWorker(): Promise<void> {
  const pool = facePool();
  pool.warmUp();
  await pool.ready();
}

export async function shutdownFaceWorker(): Promise<void> {
  const p = shared;
  shared = null;
  if (p) await p.close();
}
