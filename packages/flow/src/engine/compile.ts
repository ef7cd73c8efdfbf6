/**
 * compile(flow model) → an XState machine whose states are the flow's actions (DESIGN.md, "Runtime
 * model"). The machine decides, it does not act: in an action's state it waits for that block's
 * result (a `parley.result` event), picks the next state by the transition rule of reference §2.4,
 * and ends in the final state when a branch leads nowhere, as Connect ends the flow. `startFlow`
 * (drive.ts) runs the executor of the action the machine is in and sends it the result.
 *
 * Executors are not invoked as child actors: an actor per block cost several times the rest of the
 * machine's step, and a machine without children persists as plain data, so a contact resumes on
 * another worker from its snapshot with at most the interrupted block run again.
 *
 * The machine holds only plain data in context (the contact, the path, the end), has no timers and
 * draws no randomness of its own: the clock and the seeded generator live in the runtime and the
 * contact.
 */
import { type ActorRefFrom, setup } from 'xstate';
import { actionsOf } from '../model/model.js';
import type { ActionNode, FlowModel } from '../model/types.js';
import type { Decider } from './blocks/common.js';
import { PURE_DECIDERS } from './blocks/index.js';
import type { MatchOptions } from './conditions.js';
import { applyPatch, type Contact } from './contact.js';
import type { EngineEnv } from './env.js';
import { describeError, type EngineError, engineError } from './errors.js';
import { resolveParameters } from './resolve.js';
import { type Branch, selectTransition } from './route.js';
import type { EndReason, ExecutorInput, Outcome, StepLog, StepResult } from './types.js';

/** How a run of the flow ended. */
export interface FlowEnd {
  reason: EndReason;
  /** What takes over: a flow, a queue… (from an `end` outcome). */
  target?: string;
  /** The Identifier of the last action executed, when there was one. */
  at?: string;
  /** For `fault` and dangling branches: what went wrong. */
  error?: EngineError;
}

/**
 * How many of the latest Identifiers a run keeps in its context. The whole path would be copied at
 * every step and written into every persisted snapshot: quadratic in the steps of a flow that loops
 * (a queue flow's hold loop). Whoever wants the whole path has the `step` events.
 */
export const RECENT_PATH_LENGTH = 32;

export interface FlowContext {
  contact: Contact;
  /** Identifiers of the latest actions executed (`RECENT_PATH_LENGTH` at most), the running one last. */
  path: string[];
  steps: number;
  flowKey: string;
  end?: FlowEnd;
}

export interface FlowInput {
  contact: Contact;
}

export interface FlowOutput {
  contact: Contact;
  /** The latest Identifiers executed, in order (`RECENT_PATH_LENGTH` at most). */
  path: string[];
  end: FlowEnd;
}

/** Emitted after every block execution: what the flow log and the transcript are written from. */
export interface StepEvent {
  type: 'step';
  identifier: string;
  blockType: string;
  outcome: Outcome;
  branch: Branch;
  /** The next action, or undefined when the flow ends here. */
  next: string | undefined;
  log: StepLog | undefined;
  /** Whether logging was on when the block ran, and after it (UpdateFlowLoggingBehavior changes it). */
  loggingBefore: boolean;
  loggingAfter: boolean;
  contact: Contact;
}

/**
 * Runs one block. A rejection ends the flow as a fault (ENGINE_EXECUTOR_FAILED); an expected failure
 * is an `error` outcome instead. The signal aborts when the run stops (the caller hung up).
 */
export type Executor = (input: ExecutorInput, signal: AbortSignal) => StepResult | Promise<StepResult>;

/** What the machine is sent: the result of the running block, or the error it threw. */
export type FlowEvent =
  | { type: 'parley.result'; output: unknown }
  | { type: 'parley.fault'; error: unknown }
  | { type: `parley.goto.${string}` };

export interface CompileOptions {
  /** Caches the compiled flow under this key (the caller passes the flow content's hash). */
  key?: string;
  /**
   * Actions one run may execute before it is stopped with `stepLimit`: a guard against a flow that
   * loops through blocks that never wait. Queue flows that loop on a timer stay far below it.
   */
  maxSteps?: number;
  match?: MatchOptions;
}

export const DEFAULT_MAX_STEPS = 10_000;

/** An executor for a block the runtime left out: the error branch (reference §3.6), never success. */
export const missingExecutor =
  (type: string): Executor =>
  () => ({
    outcome: { kind: 'error', errorType: 'NoMatchingError' },
    log: { results: describeError(engineError('ENGINE_NO_EXECUTOR', `no executor for ${type}`)) },
  });

/** Wraps a pure decider as an executor; the log gets the resolved parameters. */
export const executorFromDecider =
  (decider: Decider, env: EngineEnv): Executor =>
  (input) =>
    decide(decider, input.action, input.contact, env);

/** Runs a pure decider, filling in the log's parameters (resolved against the contact it ran on). */
export function decide(decider: Decider, action: ActionNode, contact: Contact, env: EngineEnv): StepResult {
  const step = decider(action, contact, env);
  if (step.log?.parameters) return step;
  // Spelled out: on Node 20's V8 a spread with keys added gets a hidden class of its own, every block.
  const parameters = resolveParameters(action.parameters ?? {}, contact);
  const log = step.log;
  return {
    outcome: step.outcome,
    contactPatch: step.contactPatch,
    log: { parameters, results: log?.results, externalResults: log?.externalResults },
  };
}

/** Executors for every block the engine decides itself, bound to the runtime's environment. */
export const pureExecutors = (env: EngineEnv): Record<string, Executor> =>
  Object.fromEntries(Object.entries(PURE_DECIDERS).map(([type, d]) => [type, executorFromDecider(d, env)]));

interface Decision {
  contact: Contact;
  outcome: Outcome;
  branch: Branch;
  log: StepLog | undefined;
  /** The event that moves to the next action's state, or undefined when the run ends. */
  goto: GotoEvent | undefined;
  next: string | undefined;
  end: FlowEnd | undefined;
}

const END_STATE = 'end';

/**
 * Raised by the machine itself to move to the state of the action a step chose. XState v5 targets are
 * static, so each action state gets one transition on the root for this event. The alternative, a
 * guarded transition per distinct target on every state (one microstep a block instead of two), made
 * building a 2,000-action machine 35–60% dearer, as XState formats every transition eagerly at compile
 * and at every `provide`, and ran the contact engine no faster.
 */
const GOTO = 'parley.goto.';
const GOTO_END: GotoEvent = `${GOTO}${END_STATE}`;

/**
 * XState copies every transition and invoke config with a spread and then adds what it computes. On
 * V8 (Node 20) adding keys to a spread copy leaves the fast path, about 8 µs a transition instead of
 * 0.1; a config that already holds those keys (undefined here, overwritten by XState, which reads
 * an undefined `reenter` as false and undefined `actions` as none) stays on it.
 */
function transition<A>(target: string | undefined, actions?: A) {
  return {
    target,
    actions,
    guard: undefined,
    source: undefined,
    reenter: undefined,
    eventType: undefined,
    toJSON: undefined,
  };
}

type GotoEvent = `${typeof GOTO}${string}`;
interface StateNames {
  key: string;
  goto: GotoEvent;
  target: string;
}
// Every flow names its states a0, a1…: these strings are made once per process, so a compile does not
// build and hash three new strings per action, nor a step the event it raises.
const NAMES: StateNames[] = [];
function namesOf(i: number): StateNames {
  for (let n = NAMES.length; n <= i; n++)
    NAMES.push({ key: `a${n}`, goto: `${GOTO}a${n}`, target: `.a${n}` });
  return NAMES[i] as StateNames;
}

function recentPath(path: readonly string[], next: string): string[] {
  const kept =
    path.length < RECENT_PATH_LENGTH ? [...path] : path.slice(path.length - RECENT_PATH_LENGTH + 1);
  kept.push(next);
  return kept;
}

function buildMachine(model: FlowModel, key: string, options: CompileOptions) {
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  // First action wins for a repeated Identifier, as everywhere else in the model.
  const actions: ActionNode[] = [];
  const keys = new Map<string, string>();
  // The event that moves to an action's state, by the action's Identifier.
  const gotos = new Map<string, GotoEvent>();
  const byId = new Map<string, ActionNode>();
  for (const a of actionsOf(model)) {
    if (keys.has(a.id)) continue;
    // Identifiers may hold '.', '#' and spaces, which XState reads as paths: states get synthetic keys.
    const names = namesOf(actions.length);
    keys.set(a.id, names.key);
    gotos.set(a.id, names.goto);
    byId.set(a.id, a);
    actions.push(a);
  }
  const s = setup({
    types: {
      context: {} as FlowContext,
      input: {} as FlowInput,
      output: {} as FlowOutput,
      events: {} as FlowEvent,
      emitted: {} as StepEvent,
    },
  });

  // The path's last Identifier names the action whose block is running (the step that moves to an
  // action appends it), so the handlers below are shared by all states instead of one per state.
  const current = (context: FlowContext): ActionNode => {
    const id = context.path[context.path.length - 1];
    const action = id === undefined ? undefined : byId.get(id);
    if (!action) throw new Error(`no action is running (path ends at ${JSON.stringify(id)})`);
    return action;
  };

  function makeDecision(action: ActionNode, context: FlowContext, output: unknown): Decision {
    if (!isStepResult(output)) {
      const error = engineError('ENGINE_BAD_STEP', `${action.type} executor returned ${preview(output)}`);
      return endWith(context.contact, { kind: 'error', errorType: 'NoMatchingError' }, undefined, {
        reason: 'fault',
        at: action.id,
        error,
      });
    }
    const contact = applyPatch(context.contact, output.contactPatch);
    const outcome = output.outcome;
    if (outcome.kind === 'end') {
      const end: FlowEnd = { reason: outcome.reason, at: action.id };
      if (outcome.target !== undefined) end.target = outcome.target;
      return endWith(contact, outcome, output.log, end);
    }
    const route = selectTransition(action.transitions, outcome, contact, options.match);
    // A literal per exit rather than a spread of shared fields: V8 leaves its fast path when keys
    // are added to a spread copy, and this runs for every block.
    const decided = (goto: GotoEvent | undefined, end: FlowEnd | undefined): Decision => ({
      contact,
      outcome,
      branch: route.branch,
      log: output.log,
      goto,
      next: route.target,
      end,
    });
    if (route.target === undefined) return decided(undefined, { reason: 'noTransition', at: action.id });
    const goto = gotos.get(route.target);
    if (goto === undefined) {
      const error = engineError('ENGINE_NO_SUCH_ACTION', `branch leads to "${route.target}"`);
      return decided(undefined, { reason: 'noTransition', at: action.id, error });
    }
    if (context.steps >= maxSteps) return decided(undefined, { reason: 'stepLimit', at: action.id });
    return decided(goto, undefined);
  }

  // The three actions a result runs read one decision, made by the first: XState resolves them in
  // order, synchronously, on the same event, and the last lets it go. Plain actions made once here
  // instead of `enqueueActions`, which builds an enqueue function and its helpers for every call.
  let pending: { event: FlowEvent; action: ActionNode; decision: Decision } | undefined;
  const decisionOf = (context: FlowContext, event: FlowEvent) => {
    if (pending?.event === event) return pending;
    const action = current(context);
    const output = event.type === 'parley.result' ? event.output : undefined;
    pending = { event, action, decision: makeDecision(action, context, output) };
    return pending;
  };

  // The step is emitted before the contact is assigned, while context still holds the contact as the
  // block found it; then the machine moves to the chosen action, or to the end.
  const emitStep = s.emit(({ context, event }): StepEvent => {
    const { action, decision: d } = decisionOf(context, event);
    return {
      type: 'step',
      identifier: action.id,
      blockType: action.type,
      outcome: d.outcome,
      branch: d.branch,
      next: d.goto === undefined ? undefined : d.next,
      log: d.log,
      loggingBefore: context.contact.logging,
      loggingAfter: d.contact.logging,
      contact: d.contact,
    };
  });
  // One assignment per block, the next action's entry into the path included: each assignment is a
  // snapshot XState rebuilds, and this runs for every block.
  const assignStep = s.assign(({ context, event }): Partial<FlowContext> => {
    const { action, decision: d } = decisionOf(context, event);
    return d.goto !== undefined && d.next !== undefined
      ? { contact: d.contact, path: recentPath(context.path, d.next), steps: context.steps + 1 }
      : { contact: d.contact, end: d.end ?? { reason: 'noTransition', at: action.id } };
  });
  const moveOn = s.raise(({ context, event }) => {
    const { decision: d } = decisionOf(context, event);
    pending = undefined;
    return { type: d.goto ?? GOTO_END };
  });

  const fault = s.assign(({ context, event }) => {
    const action = current(context);
    return {
      end: {
        reason: 'fault' as const,
        at: action.id,
        error: engineError(
          'ENGINE_EXECUTOR_FAILED',
          `${action.type}: ${messageOf(event.type === 'parley.fault' ? event.error : undefined)}`,
        ),
      },
    };
  });

  const start = model.startAction === undefined ? undefined : keys.get(model.startAction);
  const startId = start === undefined ? undefined : model.startAction;
  const states: NonNullable<Parameters<typeof s.createMachine>[0]['states']> = {};
  const on: NonNullable<Parameters<typeof s.createMachine>[0]['on']> = {
    // One block runs at a time, the one whose state the machine is in: its result and its error
    // are handled once, here, for all of them.
    'parley.result': transition(undefined, [emitStep, assignStep, moveOn]),
    'parley.fault': transition(`.${END_STATE}`, fault),
    [GOTO_END]: transition(`.${END_STATE}`),
  };
  for (let i = 0; i < actions.length; i++) {
    const names = namesOf(i);
    states[names.key] = {};
    on[names.goto] = transition(names.target);
  }
  states[END_STATE] = { type: 'final' };

  const machine = s.createMachine({
    id: key,
    // The start action is entered with the machine; a flow without a runnable one ends at once.
    context: ({ input }) =>
      startId === undefined
        ? { contact: input.contact, path: [], steps: 0, flowKey: key, end: { reason: 'noTransition' } }
        : { contact: input.contact, path: [startId], steps: 1, flowKey: key },
    initial: start ?? END_STATE,
    on,
    states,
    output: ({ context }) => ({
      contact: context.contact,
      path: context.path,
      end: context.end ?? { reason: 'noTransition' },
    }),
  });
  return { machine, keys, byId };
}

export type FlowMachine = ReturnType<typeof buildMachine>['machine'];
export type FlowActor = ActorRefFrom<FlowMachine>;

export interface CompiledFlow {
  key: string;
  machine: FlowMachine;
  /** The block Types of the flow, i.e. the executors the runtime must provide. */
  blockTypes: readonly string[];
  /** The actions by Identifier (the first of a repeated Identifier, as the machine has it). */
  actions: ReadonlyMap<string, ActionNode>;
  /** State key of each action Identifier (states use synthetic keys; see buildMachine). */
  stateKeys: ReadonlyMap<string, string>;
}

function endWith(contact: Contact, outcome: Outcome, log: StepLog | undefined, end: FlowEnd): Decision {
  return { contact, outcome, branch: { kind: 'none' }, log, goto: undefined, next: undefined, end };
}

const OUTCOME_KINDS = ['next', 'condition', 'error', 'end'];

/** Executors come from the runtime, and from plug-ins later: check the shape before trusting it. */
function isStepResult(x: unknown): x is StepResult {
  if (typeof x !== 'object' || x === null) return false;
  const o = (x as { outcome?: unknown }).outcome;
  if (typeof o !== 'object' || o === null) return false;
  const kind = (o as { kind?: unknown }).kind;
  if (!OUTCOME_KINDS.includes(kind as string)) return false;
  if (kind === 'error' && typeof (o as { errorType?: unknown }).errorType !== 'string') return false;
  if (kind === 'end' && typeof (o as { reason?: unknown }).reason !== 'string') return false;
  return true;
}

const preview = (x: unknown): string => {
  try {
    return (JSON.stringify(x) ?? String(x)).slice(0, 80);
  } catch {
    return typeof x;
  }
};

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Compiled flows by content key, least recently used dropped first. */
export class CompiledFlowCache {
  readonly #entries = new Map<string, CompiledFlow>();
  constructor(readonly capacity = 256) {}

  get(key: string): CompiledFlow | undefined {
    const hit = this.#entries.get(key);
    if (hit) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  set(flow: CompiledFlow): void {
    this.#entries.delete(flow.key);
    this.#entries.set(flow.key, flow);
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }
}

/** The cache `compile` uses when given a key. */
export const compiledFlows = new CompiledFlowCache();

/**
 * Compiles a flow model. With `options.key`, a flow compiled before under that key is returned
 * as it was (options included), so a published flow compiles once per process.
 */
export function compile(model: FlowModel, options: CompileOptions = {}): CompiledFlow {
  if (options.key !== undefined) {
    const hit = compiledFlows.get(options.key);
    if (hit) return hit;
  }
  const key = options.key ?? 'flow';
  const { machine, keys, byId } = buildMachine(model, key, options);
  const compiled: CompiledFlow = {
    key,
    machine,
    blockTypes: [...new Set(actionsOf(model).map((a) => a.type))],
    actions: byId,
    stateKeys: keys,
  };
  if (options.key !== undefined) compiledFlows.set(compiled);
  return compiled;
}
