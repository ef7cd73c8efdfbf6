// The calls bench in a process of its own, started by `pnpm bench` with the V8 flags a worker serving
// calls runs with (CALL_SERVING_NODE_FLAGS); prints its result as one JSON line.
import { benchCalls } from './calls.bench.js';

process.stdout.write(`${JSON.stringify(await benchCalls())}\n`);
