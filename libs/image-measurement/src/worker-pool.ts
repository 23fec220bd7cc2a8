import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';

export type WorkerOutcome<R> =
  | { status: 'ok'; result: R }
  | { status: 'error'; error: string }
  | { status: 'timeout' }
  | { status: 'crashed'; error: string };

/**
 * Finds a worker file (plain CommonJS): where `$envVar` says, next to this
 * module when run from sources (ts-jest, tsx), next to main.js in the webpack
 * bundle (copied there as an asset), or in the library's sources below the
 * current directory.
 */
export function resolveWorkerFile(file: string, envVar: string): string {
  const candidates = [
    process.env[envVar],
    join(__dirname, file),
    join(process.cwd(), 'libs', 'image-measurement', 'src', file),
  ];
  for (const c of candidates) {
    if (c && existsSync(c)) return c;
  }
  throw new Error(`${file} introuvable (cherché : ${candidates.filter(Boolean).join(', ')})`);
}

export interface WorkerPoolOptions {
  /** Resolves the worker's file when a worker is first spawned. */
  file: () => string;
  limits: ResourceLimits;
  workerData: unknown;
  /** Time a job may spend once it reaches a ready worker. */
  timeoutMs: number;
  size?: number;
}

interface Job<R> {
  id: number;
  message: Record<string, unknown>;
  transfer: ArrayBuffer[];
  resolve: (o: WorkerOutcome<R>) => void;
}

interface Slot<R> {
  worker: Worker;
  ready: Promise<void>;
  job: Job<R> | null;
  timer: NodeJS.Timeout | null;
}

/**
 * A small pool of worker threads with a time and memory budget. Each job gets
 * `timeoutMs` once it reaches a ready worker; past it, the worker is
 * terminated (and replaced on the next job). A worker that dies (out of
 * memory…) fails only its own job. Idle workers are unref'd: they never keep
 * a process (the CLI) alive.
 *
 * Protocol of a worker: posts {ready:true} once loaded; answers each
 * {id, ...message} with {id, ok:true, result} or {id, ok:false, error}.
 */
export class BudgetedWorkerPool<R> {
  private readonly slots: (Slot<R> | null)[];
  private readonly queue: Job<R>[] = [];
  private nextId = 1;

  constructor(private readonly options: WorkerPoolOptions) {
    const size = options.size ?? Math.max(1, Math.min(2, availableParallelism()));
    this.slots = new Array<Slot<R> | null>(size).fill(null);
  }

  /**
   * Queues a job; `transfer` lists buffers of `message` handed over to the worker (the caller must
   * not reuse them). When `abandoned` fires while the job still waits in the queue (its caller no
   * longer waits for it), the job leaves the queue unrun, as 'timeout': under a burst the workers
   * spend their time on answers someone still waits for. A job already in a worker runs on.
   */
  run(
    message: Record<string, unknown>,
    transfer: ArrayBuffer[] = [],
    abandoned?: AbortSignal,
  ): Promise<WorkerOutcome<R>> {
    return new Promise((resolve) => {
      if (abandoned?.aborted) return resolve({ status: 'timeout' });
      const job: Job<R> = { id: this.nextId++, message, transfer, resolve };
      this.queue.push(job);
      abandoned?.addEventListener(
        'abort',
        () => {
          const at = this.queue.indexOf(job);
          if (at < 0) return;
          this.queue.splice(at, 1);
          resolve({ status: 'timeout' });
        },
        { once: true },
      );
      this.pump();
    });
  }

  /** Starts every worker now (e.g. when the api boots). */
  warmUp(): void {
    for (let i = 0; i < this.slots.length; i++) {
      if (!this.slots[i]) this.slots[i] = this.spawn(i);
    }
  }

  /** Resolves when every started worker is ready (benchmarks, tests). */
  async ready(): Promise<void> {
    await Promise.all(this.slots.flatMap((s) => (s ? [s.ready] : [])));
  }

  /** Terminates every worker (tests, shutdown). Pending jobs get 'crashed'. */
  async close(): Promise<void> {
    const slots = this.slots.splice(
      0,
      this.slots.length,
      ...new Array<Slot<R> | null>(this.slots.length).fill(null),
    );
    for (const job of this.queue.splice(0))
      job.resolve({ status: 'crashed', error: 'pool closed' });
    await Promise.all(
      slots.map(async (s) => {
        if (!s) return;
        if (s.timer) clearTimeout(s.timer);
        s.job?.resolve({ status: 'crashed', error: 'pool closed' });
        await s.worker.terminate();
      }),
    );
  }

  private spawn(index: number): Slot<R> {
    // Referenced while it has a job (so a CLI awaiting a verdict does not exit), unref'd when idle.
    const worker = new Worker(this.options.file(), {
      resourceLimits: this.options.limits,
      stdout: false,
      stderr: false,
      workerData: this.options.workerData,
    });
    let markReady: () => void = () => undefined;
    const slot: Slot<R> = {
      worker,
      ready: new Promise<void>((r) => (markReady = r)),
      job: null,
      timer: null,
    };
    worker.on(
      'message',
      (msg: { ready?: boolean; id?: number; ok?: boolean; result?: R; error?: string }) => {
        if (msg.ready) {
          markReady();
          if (!slot.job) worker.unref();
          return;
        }
        const job = slot.job;
        if (!job || msg.id !== job.id) return;
        this.finish(
          slot,
          msg.ok && msg.result !== undefined
            ? { status: 'ok', result: msg.result }
            : { status: 'error', error: msg.error ?? 'error' },
        );
      },
    );
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

  private finish(slot: Slot<R>, outcome: WorkerOutcome<R>): void {
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
      const job = this.queue.shift() as Job<R>;
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
        }, this.options.timeoutMs);
        s.timer.unref();
        s.worker.postMessage({ id: job.id, ...job.message }, job.transfer);
      });
    }
  }
}
