import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BudgetedWorkerPool } from './worker-pool';

/** A worker that counts the jobs it receives; a job carrying `hold` waits until the test releases it. */
const COUNTING_WORKER = `
const { parentPort } = require('node:worker_threads');
let seen = 0;
parentPort.on('message', (msg) => {
  seen += 1;
  if (msg.hold) Atomics.wait(new Int32Array(msg.hold), 0, 0);
  parentPort.postMessage({ id: msg.id, ok: true, result: seen });
});
parentPort.postMessage({ ready: true });
`;

describe('BudgetedWorkerPool', () => {
  const file = join(mkdtempSync(join(tmpdir(), 't3p-pool-')), 'counting-worker.js');
  writeFileSync(file, COUNTING_WORKER);
  const pool = new BudgetedWorkerPool<number>({
    file: () => file,
    limits: {},
    workerData: null,
    timeoutMs: 60_000,
    size: 1,
  });
  afterAll(() => pool.close());

  it('a queued job whose caller gave up leaves the queue unrun; the others run', async () => {
    const hold = new SharedArrayBuffer(4);
    const first = pool.run({ hold });
    const gaveUp = new AbortController();
    const abandoned = pool.run({}, [], gaveUp.signal);
    gaveUp.abort();
    expect(await abandoned).toEqual({ status: 'timeout' });
    const third = pool.run({});
    Atomics.store(new Int32Array(hold), 0, 1);
    Atomics.notify(new Int32Array(hold), 0);
    // The worker saw the first job and the third, never the abandoned one.
    expect(await first).toEqual({ status: 'ok', result: 1 });
    expect(await third).toEqual({ status: 'ok', result: 2 });
  });

  it('a job given up before it is queued is not run', async () => {
    const gaveUp = new AbortController();
    gaveUp.abort();
    expect(await pool.run({}, [], gaveUp.signal)).toEqual({ status: 'timeout' });
    expect(await pool.run({})).toEqual({ status: 'ok', result: 3 });
  });
});
