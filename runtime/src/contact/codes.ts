import type { Code } from '@parley/flow';

/** The runner's codes, documented with every other code in the one catalogue. */
export type RunCode = Extract<Code, `CONTACT_${string}` | `INSTANCE_${string}` | `RUN_${string}`>;

/** A coded problem as `parley run` and the runner report it. */
export interface RunProblem {
  code: Code;
  message: string;
  /** The action it happened at, when there is one. */
  at?: string;
}

export const problem = (code: Code, message: string, at?: string): RunProblem =>
  at === undefined ? { code, message } : { code, message, at };
