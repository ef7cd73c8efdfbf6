/**
 * startFlow: runs a compiled flow's machine. The machine only decides; this loop does the acting, as
 * a Temporal workflow's worker does: it runs the executor of the action the machine is in, sends the
 * machine the result, and repeats until the machine is done or the run is stopped.
 *
 * A run resumed from a persisted snapshot starts by running the action the snapshot was in again:
 * its result never reached the machine, so at most that one block repeats.
 */
import { createActor, type Snapshot } from 'xstate';
import {
  type CompiledFlow,
  type Executor,
  type FlowActor,
  type FlowContext,
  type FlowEvent,
  type FlowInput,
  type FlowOutput,
  missingExecutor,
  type StepEvent,
} from './compile.js';
import type { ExecutorInput } from './types.js';

/** Executors by block Type, or a lookup (the runtime binds its executors to each contact lazily). */
export type Executors = Readonly<Record<string, Executor>> | ((type: string) => Executor | undefined);

export type StartFlowOptions = {
  executors: Executors;
  /** Told of every block execution (the machine's `step` event). */
  onStep?: (step: StepEvent) => void;
  /**
   * Awaited before each block runs, the machine already in its state: where a runtime persists the
   * snapshot, so a resumed run repeats at most the block that was running. Its rejections are
   * ignored: a contact whose snapshot could not be saved keeps running.
   */
  checkpoint?: () => void | Promise<void>;
} & (
  | { input: FlowInput; snapshot?: undefined }
  /** A snapshot from `FlowRun.persisted()` (JSON round-tripped is fine) to resume from. */
  | { snapshot: Snapshot<unknown>; input?: undefined }
);

export interface FlowRun {
  readonly actor: FlowActor;
  /** Settles with the flow's output when it ends; stays pending when the run is stopped first. */
  readonly done: Promise<FlowOutput>;
  /** The machine's persisted snapshot: plain data, no child actors. */
  persisted(): Snapshot<unknown>;
  /** Aborts the running block (its signal) and stops the machine. */
  stop(): void;
}

/** Why a stopped run's block is aborted: made once, as a DOMException per run costs a stack trace. */
const RUN_STOPPED = new Error('the run was stopped');

/** Starts running a compiled flow; see the module comment. */
export function startFlow(compiled: CompiledFlow, options: StartFlowOptions): FlowRun {
  const { executors } = options;
  const lookup = typeof executors === 'function' ? executors : (type: string) => executors[type];
  const controller = new AbortController();
  const actor = options.snapshot
    ? // A restored actor takes its context from the snapshot and never reads the input.
      createActor(compiled.machine, { snapshot: options.snapshot, input: undefined as unknown as FlowInput })
    : createActor(compiled.machine, { input: options.input });
  if (options.onStep) actor.on('step', options.onStep);
  const done = new Promise<FlowOutput>((resolve, reject) => {
    actor.subscribe({
      complete: () => {
        const snapshot = actor.getSnapshot();
        if (snapshot.status === 'done') resolve(snapshot.output as FlowOutput);
      },
      error: reject,
    });
  });
  // Unobserved when the run is stopped before it ends; the caller awaits it otherwise.
  done.catch(() => undefined);

  const inputOf = (context: FlowContext): ExecutorInput | undefined => {
    const id = context.path[context.path.length - 1];
    const action = id === undefined ? undefined : compiled.actions.get(id);
    return action && { action, contact: context.contact, flowKey: compiled.key, step: context.steps };
  };

  const drive = async (): Promise<void> => {
    const { signal } = controller;
    const { checkpoint } = options;
    for (;;) {
      if (checkpoint && actor.getSnapshot().status === 'active' && !signal.aborted)
        await Promise.resolve()
          .then(checkpoint)
          .catch(() => undefined);
      const snapshot = actor.getSnapshot();
      if (snapshot.status !== 'active' || signal.aborted) return;
      const input = inputOf(snapshot.context);
      if (!input) {
        // Only a snapshot that names no action of this flow gets here: fault rather than hang.
        actor.send({ type: 'parley.fault', error: new Error('the snapshot names no action of this flow') });
        continue;
      }
      const run = lookup(input.action.type) ?? missingExecutor(input.action.type);
      let event: FlowEvent;
      try {
        event = { type: 'parley.result', output: await run(input, signal) };
      } catch (error) {
        event = { type: 'parley.fault', error };
      }
      if (signal.aborted) return;
      actor.send(event);
    }
  };

  actor.start();
  void drive();
  return {
    actor,
    done,
    persisted: () => actor.getPersistedSnapshot() as Snapshot<unknown>,
    stop() {
      controller.abort(RUN_STOPPED);
      actor.stop();
    },
  };
}
