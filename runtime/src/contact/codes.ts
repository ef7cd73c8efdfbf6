import type { Code } from '@parley/flow';

/** A coded problem as `parley run` and the runner report it. */
export interface RunProblem {
  code: Code;
  message: string;
  /** The action it happened at, when there is one. */
  at?: string;
}

export const problem = (code: Code, message: string, at?: string): RunProblem =>
  at === undefined ? { code, message } : { code, message, at };
