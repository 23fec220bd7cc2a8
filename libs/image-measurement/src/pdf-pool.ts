import { UNSAFE_NAMES } from './pdf-names';
import { BudgetedWorkerPool, resolveWorkerFile, type WorkerOutcome } from './worker-pool';

/** What pdf-worker.js answers for one PDF. */
export interface PdfWorkerImage {
  source: 'xobject' | 'inline';
  width: number;
  height: number;
  filters: string[];
  /** true/false when checked in the worker; null when left to the caller (DCT) or not decoded (too many pixels). */
  decodable: boolean | null;
  /** The DCT (JPEG) data of the image, for sharp to decode. */
  jpeg: Uint8Array | null;
  unsupportedFilter?: string;
}

export interface PdfWorkerResult {
  pages: number;
  page: { widthPt: number; heightPt: number; rotate: number; userUnit: number } | null;
  largest: PdfWorkerImage | null;
  imageCount: number;
  unsafe: string[];
}

export type PdfWorkerOutcome = WorkerOutcome<PdfWorkerResult>;

/** Time one PDF may spend in the worker before the worker is terminated. */
export const PDF_TIMEOUT_MS = 800;
/** V8 limits of each worker (ArrayBuffers are outside them: inflates are capped instead). */
export const PDF_WORKER_LIMITS = {
  maxOldGenerationSizeMb: 128,
  maxYoungGenerationSizeMb: 32,
  codeRangeSizeMb: 16,
  stackSizeMb: 4,
};

/** Finds pdf-worker.js (see resolveWorkerFile); `$T3P_PDF_WORKER` overrides. */
export function resolveWorkerPath(): string {
  return resolveWorkerFile('pdf-worker.js', 'T3P_PDF_WORKER');
}

/**
 * The pool of PDF workers: PDF_TIMEOUT_MS once a job reaches a ready worker,
 * PDF_WORKER_LIMITS of V8 memory (see BudgetedWorkerPool).
 */
export class PdfWorkerPool {
  private readonly pool: BudgetedWorkerPool<PdfWorkerResult>;

  constructor(size?: number, timeoutMs = PDF_TIMEOUT_MS) {
    this.pool = new BudgetedWorkerPool<PdfWorkerResult>({
      file: resolveWorkerPath,
      limits: PDF_WORKER_LIMITS,
      workerData: { unsafeNames: UNSAFE_NAMES },
      timeoutMs,
      size,
    });
  }

  run(bytes: Uint8Array, inflateBudget: number): Promise<PdfWorkerOutcome> {
    // Copy: the caller keeps its buffer (it may be a slice of a larger pool).
    const copy = new Uint8Array(bytes);
    return this.pool.run({ bytes: copy, inflateBudget }, [copy.buffer]);
  }

  /** Starts every worker now (pdf-lib takes 0.1–0.4 s to load), e.g. when the api boots. */
  warmUp(): void {
    this.pool.warmUp();
  }

  /** Terminates every worker (tests, shutdown). Pending jobs get 'crashed'. */
  close(): Promise<void> {
    return this.pool.close();
  }
}

let shared: PdfWorkerPool | null = null;

/** The process-wide pool used by measureImage. */
export function pdfPool(): PdfWorkerPool {
  if (!shared) shared = new PdfWorkerPool();
  return shared;
}

/** Starts the shared pool's workers ahead of the first PDF. */
export function warmUpPdfWorkers(): void {
  pdfPool().warmUp();
}

/** Terminates the shared pool's workers (tests, graceful shutdown). */
export async function shutdownPdfWorkers(): Promise<void> {
  const p = shared;
  shared = null;
  if (p) await p.close();
}
