// One fuzz target in a worker thread of `pnpm fuzz`. Before each case it stores the case's number
// in shared memory: the main thread reads it to tell a slow target from one stuck in a case (a
// synchronous loop cannot be interrupted from inside, but a worker can be terminated).
import { parentPort, workerData } from 'node:worker_threads';
import { runTarget } from '../packages/flow/test/fuzz/run.js';
import { ALL_TARGETS } from './fuzz-targets.js';

export interface WorkerTask {
  target: string;
  runs: number;
  seed: number;
  /** [cases started, slowest case in ms] */
  heartbeat: SharedArrayBuffer;
}

const task = workerData as WorkerTask;
const target = ALL_TARGETS.find((t) => t.name === task.target);
if (!target) throw new Error(`no fuzz target ${task.target}`);
const beat = new Int32Array(task.heartbeat);
let last = performance.now();
const report = await runTarget(target, {
  runs: task.runs,
  seed: task.seed,
  onCase(n) {
    const now = performance.now();
    if (n > 0) Atomics.store(beat, 1, Math.max(Atomics.load(beat, 1), Math.round(now - last)));
    last = now;
    Atomics.store(beat, 0, n + 1);
  },
});
parentPort?.postMessage(report);
