// Every fuzz target `pnpm fuzz` knows, flow core first; names are what --only takes.
import type { FuzzTarget } from '../packages/flow/test/fuzz/run.js';
import { FLOW_TARGETS } from '../packages/flow/test/fuzz/targets.js';
import { RUNTIME_TARGETS } from '../runtime/test/fuzz/targets.js';

export const ALL_TARGETS: readonly FuzzTarget[] = [...FLOW_TARGETS, ...RUNTIME_TARGETS];
