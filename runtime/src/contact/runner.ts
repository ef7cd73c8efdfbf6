/**
 * One contact, start to end (DESIGN.md "Runtime model"): each flow the contact enters runs as an
 * XState actor of its compiled machine, with the block executors bound to the contact's ports. The
 * runner follows what the flows decide: TransferToFlow continues the same contact in the next flow,
 * InvokeFlowModule runs the module and resumes the calling flow on the module's return branch, a
 * queue transfer hands the contact to routing, and everything else that ends a flow disconnects the
 * call, as Connect does. The caller hanging up stops whatever block runs. When the call is over the
 * contact record is written and the flow log flushed.
 *
 * Per-contact state is bounded: the contact itself, the path (at most `maxSteps` Identifiers, the
 * same budget that stops endless flows) and at most two actors (a flow and the module it invoked).
 */
import {
  type ActionNode,
  type Contact,
  compile,
  DEFAULT_MAX_STEPS,
  decide,
  describeError,
  type Executor,
  type ExecutorInput,
  enterFlow,
  type FlowEnd,
  type FlowOutput,
  type FlowRun,
  indexActions,
  type JsonValue,
  PURE_DECIDERS,
  resolveParameters,
  resolveValue,
  type StepEvent,
  type StepResult,
  startFlow,
  toText,
} from '@parley/flow';
import type { Snapshot } from 'xstate';
import { ivrRecordingName } from '../executors/recording.js';
import type { BlockExecutor, FlowTarget, RuntimePorts, TranscriptEntry } from '../executors/types.js';
import {
  buildContactRecord,
  type ContactRecord,
  type ContactRecordInput,
  type ContactRecordSink,
  disconnectReasonFor,
  endpointOf,
  type InitiationMethod,
} from '../logs/contact-record.js';
import type { FlowRef } from '../logs/entry.js';
import { ContactFlowLog } from '../logs/logger.js';
import type { FlowLogSink } from '../logs/sinks.js';
import type { CallEnd } from '../telephony/port.js';
import { problem, type RunProblem } from './codes.js';

export interface ContactRunOptions {
  /** The new contact (createContact), with its endpoints, attributes and logging as it arrives. */
  contact: Contact;
  /** The flow it enters first. */
  flow: FlowTarget;
  ports: RuntimePorts;
  /**
   * Executors by block Type. The engine's pure deciders cover the blocks that need no ports;
   * these override them and add the rest. InvokeFlowModule is always the runner's own.
   */
  executors?: Readonly<Record<string, BlockExecutor>>;
  /** Where the contact's flow-log entries go (whether any are written is the contact's logging). */
  log: FlowLogSink;
  /** Where the contact record goes when the contact ends. */
  records?: ContactRecordSink;
  instanceArn: string;
  /** Blocks the contact may execute across all its flows before it is stopped (CONTACT_STEP_LIMIT). */
  maxSteps?: number;
  /** Answer the call before the first flow runs (inbound calls); true unless told. */
  answer?: boolean;
  /** Told of every block execution, after the flow log. */
  onStep?: (step: ContactStep) => void;
  /**
   * Stops the flows when aborted, the call staying up (the contact center stops a customer queue
   * flow when an agent takes the contact): the run ends `stopped`.
   */
  signal?: AbortSignal;
  /**
   * A customer queue or whisper flow: ending the flow (EndFlowExecution, or a block with no next)
   * ends the run `stopped` by the flow instead of disconnecting, as those flow types do in Connect.
   */
  keepCall?: boolean;
  /**
   * What the contact center adds to the contact record (agent, queue times); awaited once the
   * call is over, so the record waits for the agent's After Contact Work.
   */
  recordDetails?: () => Promise<RecordDetails | undefined>;
  /**
   * Awaited before every block with the contact's snapshot: where a worker persists it, so another
   * worker can take the call over (`resume`) and repeat at most the block that was running.
   */
  checkpoint?: (snapshot: ContactSnapshot) => void | Promise<void>;
  /**
   * Continue a contact another runner ran, from its last checkpoint: the call is up already (no
   * answer), the flows resume where the snapshot left them, and the contact record keeps the
   * original start. `contact` is then only the fallback for a snapshot that carries none.
   */
  resume?: ContactSnapshot;
}

/** Contact-record fields the contact center knows better than the flows. */
export type RecordDetails = Pick<ContactRecordInput, 'agent' | 'queue' | 'agentConnectionAttempts'> & {
  /** The agent's phone hung up while the customer was still on the call. */
  agentHungUp?: boolean;
};

/** One block execution, as the runner saw it. */
export interface ContactStep {
  flow: FlowRef;
  identifier: string;
  blockType: string;
  outcome: StepEvent['outcome'];
  branch: StepEvent['branch'];
  /** The next action, or undefined when the flow ended here. */
  next: string | undefined;
  results: string | undefined;
  contact: Contact;
}

/** How the contact left the flows. */
export type ContactEnd =
  /** The call is over: a flow disconnected it (or ended without a transfer), or the caller hung up. */
  | { kind: 'disconnected'; by: 'flow' | 'caller'; at?: string }
  /** Handed to routing: TransferContactToQueue or TransferContactToAgent (an agent's queue). */
  | { kind: 'queued'; queue: string; toAgent: boolean; at?: string }
  /** A runtime fault stopped the flows; the call was disconnected. */
  | { kind: 'fault'; problem: RunProblem }
  /**
   * The run's signal stopped the flows, or a `keepCall` flow ended; the call is left as it is. With
   * `handOff` (the signal's reason was HANDED_OFF) another worker goes on with the contact from its
   * checkpoint: this run writes no contact record.
   */
  | { kind: 'stopped'; by: 'signal' | 'flow' | 'handOff'; at?: string };

export interface PathStep {
  /** The flow (or module) name. */
  flow: string;
  identifier: string;
}

export interface ContactResult {
  contactId: string;
  end: ContactEnd;
  /** How the last flow run ended, as the engine said. */
  flowEnd: FlowEnd | undefined;
  /** Actions executed, in order, across flows and modules. */
  path: PathStep[];
  /** Names of the flows and modules entered, in order. */
  flows: string[];
  steps: number;
  contact: Contact;
}

/**
 * What a contact needs to resume elsewhere: the flows' persisted snapshots, outermost first (a
 * module runs inside its caller's InvokeFlowModule), and what the contact record needs. Plain JSON.
 */
export interface ContactSnapshot {
  contactId: string;
  frames: { flowArn: string; flowKey: string; snapshot: Snapshot<unknown> }[];
  steps: number;
  /** When the contact started (ms since the epoch), for the contact record. */
  startedAt: number;
  /** Names of the flows and modules entered so far. */
  flows: string[];
  /** An IVR recording was started: the contact record lists it. */
  ivrRecorded: boolean;
}

export interface ContactRun {
  readonly contactId: string;
  /** Settles when no flow runs for the contact any more: disconnected, queued or faulted. */
  readonly done: Promise<ContactResult>;
  /** Settles once the call is over, the contact record written and the flow log flushed. */
  readonly closed: Promise<ContactRecord>;
  /** The contact as the last block left it. */
  readonly contact: Contact;
  /** The running actors' persisted snapshots; undefined when no flow runs. */
  snapshot(): ContactSnapshot | undefined;
}

/** The reason to abort a run's signal with when another worker takes the contact over (ContactEnd). */
export const HANDED_OFF = 'parley.handedOff';

/** Starts running a contact; the returned promises tell when it leaves the flows and when it ends. */
export function runContact(options: ContactRunOptions): ContactRun {
  return new Runner(options);
}

/** Flow-local data a module does not see and does not change for its caller (reference §1.6). */
const FLOW_LOCAL = ['External', 'Lex', 'Metrics', 'StoredCustomerInput', 'FlowAttributes'] as const;

const RECORD_METHODS: readonly InitiationMethod[] = [
  'INBOUND',
  'OUTBOUND',
  'TRANSFER',
  'QUEUE_TRANSFER',
  'CALLBACK',
  'API',
  'MONITOR',
  'DISCONNECT',
];

interface Frame {
  target: FlowTarget;
  ref: FlowRef;
  run: FlowRun | undefined;
  actions: Map<string, ActionNode>;
  /** The action running now (the flow's start, then each step's next). */
  current: string | undefined;
}

const actionIndex = new WeakMap<FlowTarget['model'], Map<string, ActionNode>>();
/** A flow's actions by Identifier, built once per flow model. */
function actionsOf(model: FlowTarget['model']): Map<string, ActionNode> {
  let index = actionIndex.get(model);
  if (!index) {
    index = indexActions(model);
    actionIndex.set(model, index);
  }
  return index;
}

type FlowRunEnd = { kind: 'done'; output: FlowOutput } | { kind: 'hungUp' } | { kind: 'stopped' };

class Runner implements ContactRun {
  readonly contactId: string;
  readonly done: Promise<ContactResult>;
  readonly closed: Promise<ContactRecord>;
  readonly #options: ContactRunOptions;
  readonly #ports: RuntimePorts;
  /** The ports with a flow run's signal, made once per run rather than spread for every block. */
  #signalled: { signal: AbortSignal; ports: RuntimePorts } | undefined;
  readonly #flowLog: ContactFlowLog;
  readonly #maxSteps: number;
  readonly #frames: Frame[] = [];
  readonly #path: PathStep[] = [];
  readonly #flows: string[] = [];
  readonly #startedAt: number;
  #contact: Contact;
  #steps = 0;
  #lastTranscript: TranscriptEntry | undefined;
  #moduleEnd: FlowEnd | undefined;
  /** The innermost action that was running when the caller hung up. */
  #hungUpAt: string | undefined;
  #callEnd: CallEnd | undefined;
  #endedAt: number | undefined;
  #queue: { arn: string; name: string; enqueuedAt: number } | undefined;
  /** An IVR recording was started at some point: the contact record lists it. */
  #ivrRecorded = false;
  /** Frames of a `resume` not started yet, outermost first: each flow run takes the next one. */
  #resuming: ContactSnapshot['frames'] = [];
  #hungUp!: () => void;
  /** Settles when the caller hangs up: the running block is abandoned. */
  readonly #hangup: Promise<FlowRunEnd>;
  /** Settles when the run's signal aborts. */
  readonly #stopped: Promise<FlowRunEnd>;
  #callOver!: () => void;
  /** Settles when the call is over, whoever ended it. */
  readonly #over: Promise<void>;

  constructor(options: ContactRunOptions) {
    this.#options = options;
    const { resume } = options;
    this.contactId = resume?.contactId ?? options.contact.ContactId;
    this.#contact = (resume && contactOf(resume.frames[resume.frames.length - 1])) ?? options.contact;
    this.#maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
    this.#ports = { ...options.ports, transcript: (e) => this.#transcript(e) };
    this.#startedAt = resume?.startedAt ?? options.ports.clock.now();
    if (resume) {
      this.#steps = resume.steps;
      this.#ivrRecorded = resume.ivrRecorded;
      // The flows being resumed are pushed again as they start.
      this.#flows.push(...resume.flows.slice(0, Math.max(0, resume.flows.length - resume.frames.length)));
      this.#resuming = resume.frames.slice();
    }
    this.#flowLog = new ContactFlowLog(options.log, () => options.ports.clock.now(), {
      enabled: this.#contact.logging,
    });
    this.#hangup = new Promise<FlowRunEnd>((resolve) => {
      this.#hungUp = () => resolve({ kind: 'hungUp' });
    });
    this.#over = new Promise<void>((resolve) => {
      this.#callOver = resolve;
    });
    this.#stopped = new Promise<FlowRunEnd>((resolve) => {
      const { signal } = options;
      if (signal?.aborted) resolve({ kind: 'stopped' });
      else signal?.addEventListener('abort', () => resolve({ kind: 'stopped' }), { once: true });
    });
    const off = options.ports.call.onEnd((end) => this.#callEnded(end));
    this.done = this.#run();
    this.closed = this.done.then((result) => this.#close(result)).finally(off);
  }

  get contact(): Contact {
    return this.#contact;
  }

  snapshot(): ContactSnapshot | undefined {
    const frames: ContactSnapshot['frames'] = [];
    for (const f of this.#frames)
      if (f.run) frames.push({ flowArn: f.target.arn, flowKey: f.target.key, snapshot: f.run.persisted() });
    if (frames.length === 0) return undefined;
    return {
      contactId: this.contactId,
      frames,
      steps: this.#steps,
      startedAt: this.#startedAt,
      flows: [...this.#flows],
      ivrRecorded: this.#ivrRecorded,
    };
  }

  async #run(): Promise<ContactResult> {
    const { call } = this.#ports;
    if (this.#options.answer !== false && !this.#options.resume && !call.ended) {
      try {
        await call.answer();
      } catch (e) {
        if (!call.ended) {
          await this.#hangupQuietly();
          return this.#result(
            { kind: 'fault', problem: problem('CONTACT_ANSWER_FAILED', messageOf(e)) },
            undefined,
          );
        }
      }
    }
    if (this.#callEnd || call.ended) return this.#result({ kind: 'disconnected', by: 'caller' }, undefined);

    let target = this.#options.flow;
    let contact = this.#contact;
    const outer = this.#resuming[0];
    if (outer) {
      const resumed = this.#resumable(outer);
      if (!resumed) {
        this.#resuming = [];
        await this.#hangupQuietly();
        return this.#result(
          {
            kind: 'fault',
            problem: problem(
              'CONTACT_RESUME_FLOW_CHANGED',
              `flow ${outer.flowArn} is no longer the version the contact ran`,
            ),
          },
          undefined,
        );
      }
      target = resumed;
    }
    for (;;) {
      const run = await this.#runFlow(target, contact, 0);
      if (run.kind === 'hungUp') return this.#result(this.#hungUpEnd(), undefined);
      if (run.kind === 'stopped') return this.#result(this.#stoppedEnd(), undefined);
      contact = run.output.contact;
      this.#contact = contact;
      const end = run.output.end;
      const inner = this.#moduleEnd;
      this.#moduleEnd = undefined;
      switch (end.reason) {
        case 'transferToFlow': {
          const next = end.target === undefined ? undefined : this.#ports.flow(end.target);
          if (!next) {
            await this.#hangupQuietly();
            return this.#result(
              {
                kind: 'fault',
                problem: problem(
                  'CONTACT_TRANSFER_TARGET_MISSING',
                  `no flow ${end.target ?? '(none named)'}`,
                  end.at,
                ),
              },
              end,
            );
          }
          this.#transcript({ kind: 'transfer', identifier: end.at ?? '', to: next.name, target: 'flow' });
          if (this.#steps >= this.#maxSteps) {
            await this.#hangupQuietly();
            return this.#stepLimit(end);
          }
          contact = enterFlow(contact);
          target = next;
          continue;
        }
        case 'transferToQueue':
        case 'transferToAgent': {
          const toAgent = end.reason === 'transferToAgent';
          const q = contact.targetQueue;
          const arn = end.target ?? q?.arn ?? '';
          const name = q && (q.arn === arn || q.id === arn) ? q.name : arn;
          this.#queue = { arn: q?.arn ?? arn, name, enqueuedAt: this.#ports.clock.now() };
          this.#transcript({
            kind: 'transfer',
            identifier: end.at ?? '',
            to: name,
            target: toAgent ? 'agent' : 'queue',
          });
          const ended: ContactEnd = { kind: 'queued', queue: name, toAgent };
          if (end.at !== undefined) ended.at = end.at;
          return this.#result(ended, end);
        }
        case 'stepLimit':
          await this.#hangupQuietly();
          return this.#stepLimit(end);
        case 'fault': {
          await this.#hangupQuietly();
          const cause = inner?.error ?? end.error;
          return this.#result(
            {
              kind: 'fault',
              problem: problem(
                cause?.code ?? 'CONTACT_FLOW_FAULT',
                cause ? cause.message : 'the flow stopped on a fault',
                inner?.at ?? end.at,
              ),
            },
            end,
          );
        }
        case 'endFlow':
        case 'noTransition':
          if (this.#options.keepCall) {
            const ended: ContactEnd = { kind: 'stopped', by: 'flow' };
            if (end.at !== undefined) ended.at = end.at;
            return this.#result(ended, end);
          }
          return this.#disconnected(end);
        default:
          return this.#disconnected(end);
      }
    }
  }

  /** disconnect, endFlow, noTransition, and a stray module return: Connect disconnects. */
  async #disconnected(end: FlowEnd): Promise<ContactResult> {
    if (end.error)
      this.#transcript({ kind: 'note', identifier: end.at ?? '', text: describeError(end.error) });
    this.#transcript({ kind: 'disconnect', identifier: end.at ?? '', by: 'flow' });
    await this.#hangupQuietly();
    const ended: ContactEnd = { kind: 'disconnected', by: 'flow' };
    if (end.at !== undefined) ended.at = end.at;
    return this.#result(ended, end);
  }

  /** Runs one flow (or module) on the contact until it ends or the call does. */
  async #runFlow(target: FlowTarget, contact: Contact, depth: number): Promise<FlowRunEnd> {
    const compiled = compile(target.model, { key: target.key });
    if (this.#callEnd?.by === 'caller') return { kind: 'hungUp' };
    const frame: Frame = {
      target,
      ref: { arn: target.arn, name: target.name },
      run: undefined,
      actions: actionsOf(target.model),
      current: target.model.startAction,
    };
    this.#frames.push(frame);
    this.#flows.push(target.name);
    const resumed = this.#resuming[0]?.flowKey === target.key ? this.#resuming.shift() : undefined;
    const executors = (type: string) => this.#executorFor(type, depth);
    const onStep = (event: StepEvent) => this.#onStep(frame, event);
    const checkpoint = this.#options.checkpoint ? () => this.#checkpoint() : undefined;
    if (resumed) frame.current = currentOf(resumed);
    const run = resumed
      ? startFlow(compiled, { executors, onStep, checkpoint, snapshot: resumed.snapshot })
      : startFlow(compiled, { executors, onStep, checkpoint, input: { contact } });
    frame.run = run;
    try {
      const finished = run.done.then((output): FlowRunEnd => ({ kind: 'done', output }));
      const ended = await Promise.race([finished, this.#hangup, this.#stopped]);
      if (ended.kind !== 'done' && frame.current !== undefined && this.#hungUpAt === undefined)
        this.#hungUpAt = frame.current;
      return ended;
    } finally {
      run.stop();
      this.#frames.pop();
    }
  }

  /** The flow a resume frame names, when this instance still runs that version of it. */
  #resumable(frame: ContactSnapshot['frames'][number]): FlowTarget | undefined {
    const target = this.#ports.flow(frame.flowArn);
    return target?.key === frame.flowKey ? target : undefined;
  }

  #checkpoint(): void | Promise<void> {
    const snapshot = this.snapshot();
    if (snapshot) return this.#options.checkpoint?.(snapshot);
  }

  #portsWith(signal: AbortSignal): RuntimePorts {
    // Not `{ ...ports, signal }`: on Node 20's V8 a spread with a key added gets a hidden class of its
    // own, one per contact, which every executor's property reads then see as yet another shape.
    if (this.#signalled?.signal !== signal)
      this.#signalled = { signal, ports: Object.assign({}, this.#ports, { signal }) };
    return this.#signalled.ports;
  }

  /** The executor of a block type for a flow run at this module depth, bound to the contact's ports. */
  #executorFor(type: string, depth: number): Executor | undefined {
    if (type === 'InvokeFlowModule') return (input, signal) => this.#invoke(input, depth, signal);
    const executor = this.#options.executors?.[type];
    if (executor) return (input, signal) => executor(input, this.#portsWith(signal));
    const decider = PURE_DECIDERS[type];
    if (decider) return (input) => decide(decider, input.action, input.contact, this.#ports.env);
    return undefined;
  }

  #onStep(frame: Frame, event: StepEvent): void {
    this.#steps++;
    this.#contact = event.contact;
    if (event.contact.recording.ivr === 'Enabled') this.#ivrRecorded = true;
    frame.current = event.next;
    // An invoked module's steps come before its own step event: InvokeFlowModule logs as it starts.
    if (event.blockType !== 'InvokeFlowModule') {
      this.#path.push({ flow: frame.target.name, identifier: event.identifier });
      const action = frame.actions.get(event.identifier);
      this.#flowLog.record({
        contactId: this.contactId,
        flow: frame.ref,
        action: { Identifier: event.identifier, Type: event.blockType },
        parameters: event.log?.parameters ?? resolveParameters(action?.parameters ?? {}, event.contact),
        ...(event.log?.results !== undefined ? { results: event.log.results } : {}),
        ...(event.log?.externalResults !== undefined ? { externalResults: event.log.externalResults } : {}),
      });
    }
    this.#options.onStep?.({
      flow: frame.ref,
      identifier: event.identifier,
      blockType: event.blockType,
      outcome: event.outcome,
      branch: event.branch,
      next: event.next,
      results: event.log?.results,
      contact: event.contact,
    });
  }

  /**
   * InvokeFlowModule: runs the module on the contact, then returns its return branch as the result
   * the calling flow's conditions test. The module does not see the caller's flow-local data and its
   * own does not come back; attributes and everything else contact-wide do. An InvokeFlowModule
   * executor, when given, only resolves the module (it ends its step with the module's ARN).
   */
  async #invoke(input: ExecutorInput, depth: number, signal: AbortSignal): Promise<StepResult> {
    const { action, contact } = input;
    const frame = this.#frames[this.#frames.length - 1];
    const parameters = resolveParameters(action.parameters ?? {}, contact);
    this.#path.push({ flow: frame?.target.name ?? '', identifier: action.id });
    const fail = (results: string, log = parameters): StepResult => ({
      outcome: { kind: 'error', errorType: 'NoMatchingError' },
      log: { parameters: log, results },
    });
    const logStart = (log: Readonly<Record<string, unknown>>, results?: string) => {
      if (frame)
        this.#flowLog.record({
          contactId: this.contactId,
          flow: frame.ref,
          action: { Identifier: action.id, Type: action.type },
          parameters: log,
          ...(results !== undefined ? { results } : {}),
        });
    };
    let module: FlowTarget | undefined;
    const resolver = this.#options.executors?.InvokeFlowModule;
    const inner = this.#resuming[0];
    if (inner) {
      // Resumed inside the module: it was resolved, logged and announced before the takeover.
      module = this.#resumable(inner);
      if (!module) {
        this.#resuming = [];
        return fail(`CONTACT_RESUME_FLOW_CHANGED: module ${inner.flowArn} changed`);
      }
      return this.#afterModule(module, await this.#runFlow(module, contact, depth + 1), parameters);
    }
    if (depth > 0) {
      const failed = fail('ENGINE_PARAMETER_INVALID: a module cannot invoke another module');
      logStart(parameters, failed.log?.results);
      return failed;
    }
    if (resolver) {
      const resolved = await resolver(input, this.#portsWith(signal));
      const o = resolved.outcome;
      if (o.kind !== 'end' || o.target === undefined) {
        logStart(resolved.log?.parameters ?? parameters, resolved.log?.results);
        return resolved;
      }
      module = this.#ports.flow(o.target);
    } else {
      const ref = resolveValue(action.parameters?.FlowModuleId, contact);
      const name = ref.ok ? toText(ref.value) : undefined;
      module = name ? this.#ports.flow(name) : undefined;
      if (!ref.ok) {
        const failed = fail(describeError(ref.error));
        logStart(parameters, failed.log?.results);
        return failed;
      }
    }
    if (module?.type !== 'MODULE') {
      const failed = fail(
        `ENGINE_RESOURCE_NOT_FOUND: no flow module ${String(action.parameters?.FlowModuleId)}`,
      );
      logStart(parameters, failed.log?.results);
      return failed;
    }
    logStart({ ...parameters, FlowModuleId: module.arn });
    this.#transcript({ kind: 'transfer', identifier: action.id, to: module.name, target: 'module' });

    const inside: Contact = { ...contact, FlowAttributes: {} };
    for (const key of FLOW_LOCAL) if (key !== 'FlowAttributes') delete inside[key];
    delete inside.moduleResult;
    return this.#afterModule(module, await this.#runFlow(module, inside, depth + 1), parameters);
  }

  /** The calling flow's step once its module ended: the return branch, or the module's end. */
  #afterModule(module: FlowTarget, run: FlowRunEnd, parameters: Record<string, JsonValue>): StepResult {
    const fail = (results: string): StepResult => ({
      outcome: { kind: 'error', errorType: 'NoMatchingError' },
      log: { parameters, results },
    });
    if (run.kind !== 'done') return { outcome: { kind: 'end', reason: 'disconnect' } };
    const { end, contact: after } = run.output;
    const patch: Partial<Contact> = { ...after };
    for (const key of FLOW_LOCAL) delete patch[key];
    if (end.reason === 'endModule') {
      const last = this.#path[this.#path.length - 1];
      const branch =
        after.moduleResult?.branch ??
        (last ? this.#returnBranch(module, last.identifier) : undefined) ??
        'Success';
      return {
        outcome: { kind: 'condition', value: branch },
        contactPatch: { ...patch, moduleResult: after.moduleResult ?? { branch, output: {} } },
        log: { parameters, results: branch },
      };
    }
    if (end.reason === 'noTransition' || end.reason === 'endFlow') {
      return {
        ...fail(
          end.error
            ? describeError(end.error)
            : `ENGINE_NO_SUCH_ACTION: module ${module.name} ended without returning`,
        ),
        contactPatch: patch,
      };
    }
    // Disconnect, a queue, a fault or a transfer inside the module ends the calling flow as well.
    this.#moduleEnd = end;
    return {
      outcome: {
        kind: 'end',
        reason: end.reason,
        ...(end.target !== undefined ? { target: end.target } : {}),
      },
      contactPatch: patch,
    };
  }

  /** A Return block may name its branch (`Result`, as some designers export it); Success otherwise. */
  #returnBranch(module: FlowTarget, identifier: string): string | undefined {
    const action = actionsOf(module.model).get(identifier);
    const result = action?.type === 'EndFlowModuleExecution' ? action.parameters?.Result : undefined;
    return typeof result === 'string' && result !== '' ? result : undefined;
  }

  #transcript(entry: TranscriptEntry): void {
    // The runner and an executor may both tell of the same transfer or disconnect; say it once.
    const last = this.#lastTranscript;
    this.#lastTranscript = entry;
    if (last && sameLine(last, entry)) return;
    this.#options.ports.transcript(entry);
  }

  #callEnded(end: CallEnd): void {
    if (this.#callEnd) return;
    this.#callEnd = end;
    this.#endedAt = this.#ports.clock.now();
    this.#callOver();
    // A block that hung up (DisconnectParticipant) finishes its own step; the caller hanging up
    // abandons whatever block runs.
    if (end.by === 'caller') this.#hungUp();
  }

  #hungUpEnd(): ContactEnd {
    const by = this.#callEnd?.by === 'runtime' ? 'flow' : 'caller';
    const at = this.#hungUpAt;
    this.#transcript({ kind: 'disconnect', identifier: at ?? '', by });
    const end: ContactEnd = { kind: 'disconnected', by };
    if (at !== undefined) end.at = at;
    return end;
  }

  #stoppedEnd(): ContactEnd {
    const end: ContactEnd = {
      kind: 'stopped',
      by: this.#options.signal?.reason === HANDED_OFF ? 'handOff' : 'signal',
    };
    if (this.#hungUpAt !== undefined) end.at = this.#hungUpAt;
    return end;
  }

  #stepLimit(end: FlowEnd): ContactResult {
    return this.#result(
      {
        kind: 'fault',
        problem: problem(
          'CONTACT_STEP_LIMIT',
          `the contact ran ${this.#steps} blocks without ending (limit ${this.#maxSteps})`,
          end.at,
        ),
      },
      end,
    );
  }

  async #hangupQuietly(): Promise<void> {
    if (this.#ports.call.ended || this.#callEnd) return;
    try {
      await this.#ports.call.hangup();
    } catch {
      // Gone already: the call is over either way.
    }
  }

  #result(end: ContactEnd, flowEnd: FlowEnd | undefined): ContactResult {
    return {
      contactId: this.contactId,
      end,
      flowEnd,
      path: this.#path,
      flows: this.#flows,
      steps: this.#steps,
      contact: this.#contact,
    };
  }

  /** Waits for the call to be over (a queued contact stays on the line), then writes the record. */
  async #close(result: ContactResult): Promise<ContactRecord> {
    if (result.end.kind === 'queued' && !this.#callEnd && !this.#ports.call.ended) await this.#over;
    const { agentHungUp, ...details } = (await this.#options.recordDetails?.().catch(() => undefined)) ?? {};
    const { clock } = this.#ports;
    const contact = this.#contact;
    const callEnd = this.#callEnd ?? this.#ports.call.ended;
    const record = buildContactRecord(
      {
        contactId: contact.ContactId,
        initialContactId: contact.InitialContactId,
        ...(contact.PreviousContactId !== undefined ? { previousContactId: contact.PreviousContactId } : {}),
        instanceArn: this.#options.instanceArn,
        channel: contact.Channel,
        initiationMethod: RECORD_METHODS.includes(contact.InitiationMethod as InitiationMethod)
          ? (contact.InitiationMethod as InitiationMethod)
          : 'API',
        initiatedAt: this.#startedAt,
        disconnectedAt: this.#endedAt ?? clock.now(),
        disconnectReason: callEnd
          ? disconnectReasonFor(callEnd, agentHungUp)
          : result.end.kind === 'disconnected' && result.end.by === 'caller'
            ? 'CUSTOMER_DISCONNECT'
            : 'CONTACT_FLOW_DISCONNECT',
        customerEndpoint: endpointOf(contact.CustomerEndpoint),
        systemEndpoint: endpointOf(contact.SystemEndpoint),
        attributes: contact.Attributes,
        tags: contact.tags,
        queue: this.#queue ?? null,
        ...details,
        // Once started, the IVR recording exists whether a later block stopped it or the hang-up did.
        ...(this.#ivrRecorded
          ? {
              recordings: [
                {
                  location: `recording:${ivrRecordingName(contact.ContactId)}`,
                  participant: 'IVR',
                  storageType: 'ASTERISK',
                },
              ],
            }
          : {}),
      },
      () => clock.now(),
    );
    // A contact handed to another worker is recorded there, once, when it ends.
    if (result.end.kind === 'stopped' && result.end.by === 'handOff') {
      await this.#options.log.flush();
      return record;
    }
    this.#options.records?.write(record);
    await Promise.all([this.#options.log.flush(), this.#options.records?.flush()]);
    return record;
  }
}

/** Transfers and disconnects are the lines both the runner and executors write. */
function sameLine(a: TranscriptEntry, b: TranscriptEntry): boolean {
  if (a.kind === 'transfer' && b.kind === 'transfer')
    return a.identifier === b.identifier && a.to === b.to && a.target === b.target;
  if (a.kind === 'disconnect' && b.kind === 'disconnect')
    return a.identifier === b.identifier && a.by === b.by;
  return false;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

type PersistedFlow = { context?: { contact?: Contact; path?: string[] } };

/** The contact as a persisted flow snapshot holds it. */
const contactOf = (frame: ContactSnapshot['frames'][number] | undefined): Contact | undefined =>
  (frame?.snapshot as PersistedFlow | undefined)?.context?.contact;

/** The action a persisted flow snapshot was running. */
const currentOf = (frame: ContactSnapshot['frames'][number]): string | undefined =>
  (frame.snapshot as PersistedFlow).context?.path?.at(-1);
