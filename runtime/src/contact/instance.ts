/**
 * The in-memory Connect instance: the resources flows name (flows and modules, prompts, queues,
 * hours, users, Lambda functions, bots, phone numbers, quick connects, profiles), found the ways
 * flows name them (ARN, ID, the ID inside another instance's ARN, name), and what the contact
 * runner and `parley run` ask of them. The instance bundle it is read from and exported to is
 * described in runtime/src/resources/instance-bundle.ts.
 */
import type { Clock } from '@parley/ari';
import {
  type Contact,
  createContact,
  type Endpoint,
  type EngineEnv,
  type FlowInfo,
  type HoursOfOperation,
  parseArn,
  type QueueInfo,
} from '@parley/flow';
import type { FlowTarget, PromptAudio, RoutingPort, RuntimePorts } from '../executors/types.js';
import type { BotResource } from '../integrations/bot.js';
import type { FunctionResource, LambdaPort } from '../integrations/lambda.js';
import type { VoicePort } from '../integrations/tts.js';
import { type FlowLoad, type FlowOptions, flowTarget } from '../resources/flow-target.js';
import {
  type BundleLoad,
  type BundleOptions,
  botOf,
  DEFAULT_NAMESPACE,
  Directory,
  functionName,
  type InstanceNamespace,
  loadBundleFile,
  type ResourceEntry,
  type ResourceKindName,
  readInstanceBundle,
  resourceType,
} from '../resources/index.js';
import {
  functionFields,
  functionView,
  type HoursResource,
  hoursView,
  type QueueResource,
  queueView,
} from '../resources/views.js';
import type { CallPort } from '../telephony/port.js';

export { addFlowsFromDir, exportBundle, instanceBundleSchema } from '../resources/index.js';
export type { QueueResource } from '../resources/views.js';

export type InstanceInfo = InstanceNamespace;

/** The instance `parley run` uses when no bundle names one. */
export const DEFAULT_INSTANCE: InstanceNamespace = DEFAULT_NAMESPACE;

export interface AgentResource {
  id: string;
  arn: string;
  username: string;
}

export interface FunctionEntry {
  arn: string;
  name: string;
  resource: FunctionResource;
}

/** A phone number's digits, however it was written (`+1 (800) 555-0100` → `18005550100`). */
export const digitsOf = (n: string) => n.replace(/[^0-9]/g, '');
/** A phone number as E.164, the form contacts carry their endpoints in. */
export const e164 = (n: string) => `+${digitsOf(n)}`;

/** `<bot id>/<alias id>` of a Lex V2 alias ARN. */
const aliasOf = (arn: string) => /^arn:[^:]+:lex:[^:]*:[^:]*:bot-alias\/(.+)$/.exec(arn)?.[1];
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export class Instance {
  readonly info: InstanceNamespace;
  readonly arn: string;
  readonly #flows = new Directory<FlowTarget>();
  readonly #flowDescriptions = new Map<string, string>();
  readonly #entries = new Map<ResourceKindName, Directory<ResourceEntry>>();
  readonly #queues = new Directory<QueueResource>();
  readonly #hours = new Directory<HoursResource>();
  readonly #agents = new Directory<AgentResource & { name: string }>();
  readonly #functions: FunctionEntry[] = [];
  readonly #numbers = new Map<string, string>();
  readonly #bots: BotResource[] = [];
  readonly #audio = new Map<string, string>();

  constructor(info: Omit<InstanceNamespace, 'partition'> & { partition?: string } = DEFAULT_INSTANCE) {
    this.info = { ...info, partition: info.partition ?? 'aws' };
    const { partition, region, account, id } = this.info;
    this.arn = `arn:${partition}:connect:${region}:${account}:instance/${id}`;
  }

  /** A resource's ARN in this instance: `contact-flow`, `flow-module`, `queue`, `prompt`, `operating-hours`, `agent`. */
  arnOf(segment: string, id: string): string {
    return `${this.arn}/${segment}/${id}`;
  }

  /**
   * Adds a resource already checked (by checkResource, a bundle or the store). Each kind the
   * runtime uses also gets the form its lookups answer with; quick connects and routing and
   * security profiles are only kept, for `entries`.
   */
  add(kind: ResourceKindName, entry: ResourceEntry): void {
    let directory = this.#entries.get(kind);
    if (!directory) {
      directory = new Directory();
      this.#entries.set(kind, directory);
    }
    directory.add(entry);
    if (kind === 'queue') this.#queues.add(queueView(entry));
    else if (kind === 'hours') this.#hours.add(hoursView(entry));
    else if (kind === 'user') this.#agents.add({ ...entry, username: str(entry.username) ?? entry.name });
    else if (kind === 'lambda')
      this.#functions.push({ arn: entry.arn, name: entry.name, resource: functionView(entry) });
    else if (kind === 'bot') this.#bots.push(botOf(entry));
    else if (kind === 'phoneNumber') {
      const flow = str(entry.flow);
      if (flow !== undefined) this.#numbers.set(digitsOf(str(entry.number) ?? ''), flow);
    }
  }

  /** Every resource of a kind, as entries (flows as `{ id, arn, name, type }`), to list or export. */
  entries(kind: ResourceKindName | 'flow'): ResourceEntry[] {
    if (kind === 'flow')
      return this.#flows.all().map((f) => {
        const description = this.#flowDescriptions.get(f.arn);
        return { id: f.id, arn: f.arn, name: f.name, type: f.type, ...(description ? { description } : {}) };
      });
    return this.#entries.get(kind)?.all() ?? [];
  }

  /** One resource of a kind by ARN, ID (or the ID inside an ARN) or name. */
  entry(kind: ResourceKindName, ref: string): ResourceEntry | undefined {
    return this.#entries.get(kind)?.get(ref);
  }

  /** Where the audio of `audio` prompts with this digest is (a file without its `.wav`). */
  addPromptAudio(sha256: string, file: string): void {
    this.#audio.set(sha256, file);
  }

  addFlow(flow: FlowTarget, description?: string): FlowTarget {
    this.#flows.add(flow);
    if (description) this.#flowDescriptions.set(flow.arn, description);
    return flow;
  }

  /** Loads a flow document into the instance (resources/flow-target.ts says when it is runnable). */
  loadFlow(bytes: Uint8Array, options: FlowOptions = {}): FlowLoad {
    const loaded = flowTarget(bytes, options, this.arn);
    if (loaded.ok) this.addFlow(loaded.flow, options.description);
    return loaded;
  }

  // Shorthands for code and tests that build an instance by hand: nothing is checked, the name
  // defaults as the kind says and the ARN is derived unless given.

  #put(kind: ResourceKindName, fields: Record<string, unknown> & { id: string }): void {
    const type = resourceType(kind);
    const entry: ResourceEntry = {
      ...fields,
      name: str(fields.name) ?? type.defaultName?.(fields) ?? fields.id,
      arn: '',
    };
    entry.arn = str(fields.arn) ?? type.arn(this.info, entry);
    this.add(kind, entry);
  }

  addPrompt(p: { id: string; name?: string; file: string; arn?: string }): void {
    this.#put('prompt', p);
  }

  addQueue(q: {
    id: string;
    name?: string;
    arn?: string;
    hoursOfOperation?: string;
    outboundCallerId?: string | Endpoint;
    maxContacts?: number;
  }): void {
    const { outboundCallerId: id, ...rest } = q;
    this.#put('queue', {
      ...rest,
      ...(id === undefined ? {} : { outboundCallerId: typeof id === 'string' ? id : id.Address }),
    });
  }

  addHours(h: {
    id: string;
    name?: string;
    arn?: string;
    timeZone: string;
    config: HoursOfOperation['Config'];
    overrides?: HoursOfOperation['Overrides'];
  }): void {
    this.#put('hours', h);
  }

  addAgent(a: { id: string; username?: string; arn?: string }): void {
    this.#put('user', { ...a, username: a.username ?? a.id });
  }

  /** Maps a Lambda ARN, or a bare function name, to where it runs. */
  addFunction(f: { arn?: string; name?: string; resource: FunctionResource }): void {
    const name = f.name ?? (f.arn ? functionName(f.arn) : undefined) ?? f.arn ?? '';
    this.#put('lambda', { id: name, name, ...(f.arn ? { arn: f.arn } : {}), ...functionFields(f.resource) });
  }

  /** Adds a bot; its ARN is a Parley one built from its name unless given. */
  addBot(b: Omit<BotResource, 'arn'> & { arn?: string }): BotResource {
    this.#put('bot', { ...b, id: b.name });
    return this.#bots.at(-1) as BotResource;
  }

  /** Routes calls to a number (any formatting; digits compared) into a flow (ARN, ID or name). */
  addPhoneNumber(number: string, flowRef: string): void {
    this.#put('phoneNumber', { id: digitsOf(number), number: e164(number), flow: flowRef });
  }

  /**
   * The bot a Lex block names: by exact ARN, by the `bot-alias/<bot>/<alias>` part of a Lex V2 alias
   * ARN from another account or region, or by name.
   */
  bot(ref: string): BotResource | undefined {
    const r = ref.trim();
    const alias = aliasOf(r);
    return (
      this.#bots.find((b) => b.arn === r) ??
      (alias ? this.#bots.find((b) => aliasOf(b.arn) === alias) : undefined) ??
      this.#bots.find((b) => b.name === r)
    );
  }

  flow(ref: string): FlowTarget | undefined {
    return this.#flows.get(ref);
  }

  flows(): FlowTarget[] {
    return this.#flows.all();
  }

  /** A prompt the runtime can play: a sound file, or uploaded audio it knows the place of. */
  prompt(ref: string): PromptAudio | undefined {
    const p = this.entry('prompt', ref);
    const audio = p?.audio as { sha256?: string } | undefined;
    const file = str(p?.file) ?? (audio?.sha256 === undefined ? undefined : this.#audio.get(audio.sha256));
    return p && file !== undefined ? { arn: p.arn, name: p.name, file } : undefined;
  }

  queue(ref: string): QueueResource | undefined {
    return this.#queues.get(ref);
  }

  /** An agent's personal queue, as Connect names it (`…/queue/agent/<agent id>`). */
  agentQueue(ref: string): QueueInfo | undefined {
    const agent = this.#agents.get(ref);
    if (!agent) return undefined;
    return {
      id: agent.id,
      arn: `${this.arn}/queue/agent/${agent.id}`,
      name: agent.username,
      agentId: agent.id,
    };
  }

  hoursOfOperation(ref: string): HoursOfOperation | undefined {
    return this.#hours.get(ref);
  }

  /** The function an ARN names: exact ARN, else the function name (a version or alias qualifier ignored). */
  lambda(functionArn: string): FunctionResource | undefined {
    const exact = this.#functions.find((f) => f.arn === functionArn);
    if (exact) return exact.resource;
    const parsed = parseArn(functionArn);
    const name = parsed?.resource.startsWith('function:')
      ? parsed.resource.slice('function:'.length).split(':')[0]
      : functionArn;
    return this.#functions.find((f) => f.name === name || functionName(f.arn) === name)?.resource;
  }

  /** A new inbound voice contact of this instance, from caller `from` to dialled number `to`. */
  inboundContact(options: {
    contactId: string;
    from: string;
    to: string;
    attributes?: Record<string, string>;
  }): Contact {
    return createContact({
      ContactId: options.contactId,
      InstanceARN: this.arn,
      AwsRegion: this.info.region,
      CustomerEndpoint: { Address: e164(options.from), Type: 'TELEPHONE_NUMBER' },
      SystemEndpoint: { Address: e164(options.to), Type: 'TELEPHONE_NUMBER' },
      Attributes: { ...options.attributes },
    });
  }

  /** The flow a dialled number runs. */
  flowForNumber(number: string): FlowTarget | undefined {
    const ref = this.#numbers.get(digitsOf(number));
    return ref === undefined ? undefined : this.flow(ref);
  }

  /** What pure blocks may ask of this instance, on `clock`. */
  env(clock: Clock): EngineEnv {
    return {
      now: () => clock.now(),
      queue: (ref) => this.queue(ref),
      agentQueue: (ref) => this.agentQueue(ref),
      hoursOfOperation: (ref) => this.hoursOfOperation(ref),
      flow: (ref): FlowInfo | undefined => {
        const f = this.flow(ref);
        return f && { id: f.id, arn: f.arn, name: f.name };
      },
    };
  }

  /** The ports of one call's contact. */
  ports(options: {
    call: CallPort;
    clock: Clock;
    voice: VoicePort;
    lambda: LambdaPort;
    routing: RoutingPort;
    transcript: RuntimePorts['transcript'];
    env?: EngineEnv;
  }): RuntimePorts {
    return {
      call: options.call,
      voice: options.voice,
      lambda: options.lambda,
      prompt: (ref) => this.prompt(ref),
      flow: (ref) => this.flow(ref),
      bot: (ref) => this.bot(ref),
      routing: options.routing,
      env: options.env ?? this.env(options.clock),
      clock: options.clock,
      transcript: options.transcript,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// The bundle file (runtime/src/resources/instance-bundle.ts)

export type InstanceLoad = BundleLoad<Instance>;

/** Builds an instance from a bundle already parsed; `dir` resolves its relative paths. */
export const instanceFromBundle = (
  value: unknown,
  dir: string,
  options: BundleOptions = {},
): Promise<InstanceLoad> => readInstanceBundle(value, dir, (ns) => new Instance(ns), options);

/** Reads a bundle file. */
export const loadInstanceBundle = (path: string, options: BundleOptions = {}): Promise<InstanceLoad> =>
  loadBundleFile(path, (ns) => new Instance(ns), options);
