import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { UNSAFE_NAMES } from './pdf-names';

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

export type PdfWorkerOutcome =
  | { status: 'ok'; result: PdfWorkerResult }
  | { status: 'error'; error: string }
  | { status: 'timeout' }
  | { status: 'crashed'; error: string };

/** Time one PDF may spend in the worker before the worker is terminated. */
export const PDF_TIMEOUT_MS = 800;
/** V8 limits of each worker (ArrayBuffers are outside them: inflates are capped instead). */
export const PDF_WORKER_LIMITS = {
  maxOldGenerationSizeMb: 128,
  maxYoungGenerationSizeMb: 32,
  codeRangeSizeMb: 16,
  stackSizeMb: 4,
};
const WORKER_FILE = 'pdf-worker.js';

/**
 * Finds pdf-worker.js: next to this module when run from sources (ts-jest,
 * tsx), next to main.js in the webpack bundle (copied there as an asset),
 * or where T3P_PDF_WORKER says.
 */
export function resolveWorkerPath(): string {
  const candidates = [
    process.env['T3P_PDF_WORKER'],
    join(__dirname, WORKER_FILE),
    join(__dirname, 'images', 'measurement', WORKER_FILE),
    join(process.cwd(), 'apps', 'api', 'src', 'images', 'measurement', WORKER_FILE),
  ];
  for (const c of candidates) {
    if (c && existsSync(c)) return c;
  }
  throw new Error(`${WORKER_FILE} introuvable (cherché : ${candidates.filter(Boolean).join(', ')})`);
}

interface Job {
  id: number;
  bytes: Uint8Array;
  inflateBudget: number;
  resolve: (o: PdfWorkerOutcome) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/**
 * A small pool of PDF workers. Each job gets PDF_TIMEOUT_MS once it reaches
 * a ready worker; past it, the worker is terminated (and replaced on the
 * next job). A worker that dies (out of memory…) fails only its own job.
 * Idle workers are unref'd: they never keep a process (the CLI) alive.
 */
export class PdfWorkerPool {
  private readonly slots: (Slot | null)[];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(
    size = Math.max(1, Math.min(2, availableParallelism())),
    private readonly timeoutMs = PDF_TIMEOUT_MS,
  ) {
    this.slots = new Array<Slot | null>(size).fill(null);
  }

  run(bytes: Uint8Array, inflateBudget: number): Promise<PdfWorkerOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, bytes, inflateBudget, resolve });
      this.pump();
    });
  }

  /** Starts every worker now (pdf-lib takes 0.1–0.4 s to load), e.g. when the api boots. */
  warmUp(): void {
    for (let i = 0; i < this.slots.length; i++) {
      if (!this.slots[i]) this.slots[i] = this.spawn(i);
    }
  }

  /** Terminates every worker (tests, shutdown). Pending jobs get 'crashed'. */
  async close(): Promise<void> {
    const slots = this.slots.splice(0, this.slots.length, ...new Array<Slot | null>(this.slots.length).fill(null));
    for (const job of this.queue.splice(0)) job.resolve({ status: 'crashed', error: 'pool closed' });
    await Promise.all(
      slots.map(async (s) => {
        if (!s) return;
        if (s.timer) clearTimeout(s.timer);
        s.job?.resolve({ status: 'crashed', error: 'pool closed' });
        await s.worker.terminate();
      }),
    );
  }

  private spawn(index: number): Slot {
    // Referenced while it has a job (so a CLI awaiting a verdict does not exit), unref'd when idle.
    const worker = new Worker(resolveWorkerPath(), {
      resourceLimits: PDF_WORKER_LIMITS,
      stdout: false,
      stderr: false,
      workerData: { unsafeNames: UNSAFE_NAMES },
    });
    let markReady: () => void = () => undefined;
    const slot: Slot = { worker, ready: new Promise<void>((r) => (markReady = r)), job: null, timer: null };
    worker.on('message', (msg: { ready?: boolean; id?: number; ok?: boolean; result?: PdfWorkerResult; error?: string }) => {
      if (msg.ready) {
        markReady();
        if (!slot.job) worker.unref();
        return;
      }
      const job = slot.job;
      if (!job || msg.id !== job.id) return;
      this.finish(index, slot, msg.ok && msg.result ? { status: 'ok', result: msg.result } : { status: 'error', error: msg.error ?? 'error' });
    });
    const dead = (error: string): void => {
      if (this.slots[index] === slot) this.slots[index] = null;
      markReady();
      if (slot.timer) clearTimeout(slot.timer);
      const job = slot.job;
      slot.job = null;
      if (job) job.resolve({ status: 'crashed', error });
      this.pump();
    };
    worker.on('error', (e: Error) => dead(e.message));
    worker.on('exit', (code) => dead(`exit ${code}`));
    return slot;
  }

  private finish(index: number, slot: Slot, outcome: PdfWorkerOutcome): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.job;
    slot.job = null;
    slot.worker.unref();
    job?.resolve(outcome);
    this.pump();
  }

  private pump(): void {
    for (let i = 0; i < this.slots.length && this.queue.length > 0; i++) {
      let slot = this.slots[i];
      if (slot && slot.job) continue;
      if (!slot) {
        slot = this.spawn(i);
        this.slots[i] = slot;
      }
      const job = this.queue.shift() as Job;
      slot.job = job;
      slot.worker.ref();
      const s = slot;
      void s.ready.then(() => {
        if (s.job !== job || this.slots[i] !== s) return;
        s.timer = setTimeout(() => {
          if (s.job !== job) return;
          s.job = null;
          this.slots[i] = null;
          job.resolve({ status: 'timeout' });
          void s.worker.terminate();
          this.pump();
        }, this.timeoutMs);
        s.timer.unref();
        // Copy: the caller keeps its buffer (it may be a slice of a larger pool).
        const copy = new Uint8Array(job.bytes);
        s.worker.postMessage({ id: job.id, bytes: copy, inflateBudget: job.inflateBudget }, [copy.buffer]);
      });
    }
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
