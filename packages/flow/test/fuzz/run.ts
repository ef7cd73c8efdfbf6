/**
 * A fuzz target and the runner shared by the seed-fixed tests and `pnpm fuzz`: fast-check drives the
 * cases, shrinks the first failing one, and the result says what broke and how to replay it.
 */
import fc from 'fast-check';
import { describeError, Finding, type FindingKind } from './oracle.js';

export interface FuzzSession<C> {
  arbitrary: fc.Arbitrary<C>;
  /** Throws a Finding (or anything at all, a crash) when the case breaks a promise. */
  check(input: C): void | Promise<void>;
  /** Set when check returns a promise. */
  async?: boolean;
  close?(): void | Promise<void>;
}

export interface FuzzTarget {
  name: string;
  /** What it feeds and to what, for the runner's table. */
  description: string;
  /** Share of a full run's documents. */
  weight: number;
  // biome-ignore lint/suspicious/noExplicitAny: each target's case type is its own business
  open(): FuzzSession<any> | Promise<FuzzSession<any>>;
}

export interface FuzzOptions {
  runs: number;
  seed: number;
  /** fast-check's replay path of one case (from a previous report). */
  path?: string;
  /** Called before each case with its number: the runner's heartbeat for hang detection. */
  onCase?(n: number): void;
}

export interface FuzzReport {
  target: string;
  seed: number;
  runs: number;
  ms: number;
  failure?: {
    kind: FindingKind;
    message: string;
    /** The shrunk case, as fast-check prints it. */
    counterexample: string;
    path: string;
  };
}

/** A target's own seed, so `--only` replays what a full run of the same seed did. */
export function targetSeed(seed: number, name: string): number {
  let h = seed | 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h | 0;
}

const MAX_PRINT = 4_000;

export async function runTarget(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const session = await target.open();
  const seed = targetSeed(options.seed, target.name);
  let cases = 0;
  const started = performance.now();
  const before = () => options.onCase?.(cases++);
  const property = session.async
    ? fc.asyncProperty(session.arbitrary, async (c) => {
        before();
        await session.check(c);
      })
    : fc.property(session.arbitrary, (c) => {
        before();
        session.check(c);
      });
  let details: fc.RunDetails<unknown[]>;
  try {
    details = (await fc.check(property as fc.IAsyncProperty<unknown[]>, {
      numRuns: options.runs,
      seed,
      ...(options.path ? { path: options.path } : {}),
    })) as fc.RunDetails<unknown[]>;
  } finally {
    await session.close?.();
  }
  const report: FuzzReport = {
    target: target.name,
    seed: options.seed,
    runs: details.numRuns,
    ms: performance.now() - started,
  };
  if (details.failed) {
    const error = details.errorInstance;
    const printed = details.counterexample ? fc.stringify(details.counterexample[0]) : '(none)';
    report.failure = {
      kind: error instanceof Finding ? error.kind : 'crash',
      message: error instanceof Finding ? error.message : describeError(error),
      counterexample:
        printed.length > MAX_PRINT
          ? `${printed.slice(0, MAX_PRINT)}… (${printed.length} characters)`
          : printed,
      path: details.counterexamplePath ?? '',
    };
  }
  return report;
}

/** The case a replay path names, generated again (for a hang, whose check never returned). */
export async function caseAt(target: FuzzTarget, seed: number, path: string): Promise<string> {
  const session = await target.open();
  let printed = '(not generated)';
  try {
    fc.check(
      fc.property(session.arbitrary, (c) => {
        printed = fc.stringify(c);
        return true;
      }),
      { numRuns: 1, seed: targetSeed(seed, target.name), path },
    );
  } finally {
    await session.close?.();
  }
  return printed.length > MAX_PRINT
    ? `${printed.slice(0, MAX_PRINT)}… (${printed.length} characters)`
    : printed;
}

/** A readable one-target summary for test failures and the runner. */
export function formatFailure(report: FuzzReport): string {
  const f = report.failure;
  if (!f) return `${report.target}: ${report.runs} cases, no finding`;
  return [
    `${report.target}: ${f.kind} after ${report.runs} cases`,
    f.message,
    `counterexample: ${f.counterexample}`,
    `replay: pnpm fuzz --only ${report.target} --seed ${report.seed} --path ${f.path}`,
  ].join('\n');
}
