/**
 * A minimal in-memory Connect instance: what the contact runner and `parley run` need to resolve the
 * references flows make (flows and modules, prompts, queues, hours, agents, Lambda functions, phone
 * numbers). The fuller store of issue 5 replaces it; the lookups stay the same.
 *
 * ## The instance bundle (`parley run --instance <bundle.json>`)
 *
 * One JSON file; every key is optional and relative paths are read from the bundle's folder.
 * Resources are found by ARN, by ID (also the last part of any ARN, so flows exported from another
 * instance still resolve) and by name. ARNs are Connect's, built from `instance` unless given.
 *
 * ```json
 * {
 *   "instance": { "id": "11111111-2222-3333-4444-555555555555", "alias": "acme",
 *                 "region": "us-east-1", "account": "123456789012" },
 *   "flows": [ { "id": "cc4ca740-…", "file": "flows/support.json", "name": "Support" } ],
 *   "prompts": [ { "id": "94c4…", "name": "Welcome", "file": "sounds/welcome" } ],
 *   "queues": [ { "id": "959e…", "name": "Billing", "hoursOfOperation": "acb1…",
 *                 "outboundCallerId": "+18005550100", "maxContacts": 10 } ],
 *   "hoursOfOperation": [ { "id": "acb1…", "name": "Office", "timeZone": "America/New_York",
 *     "config": [ { "Day": "MONDAY", "StartTime": { "Hours": 9, "Minutes": 0 },
 *                   "EndTime": { "Hours": 17, "Minutes": 0 } } ], "overrides": [] } ],
 *   "agents": [ { "id": "a1b2…", "username": "alice" } ],
 *   "lambdaFunctions": [
 *     { "arn": "arn:aws:lambda:us-east-1:123456789012:function:lookup", "module": "lambdas/lookup.mjs" },
 *     { "name": "verify-pin", "url": "http://localhost:9000/2015-03-31/functions/function/invocations" } ],
 *   "phoneNumbers": [ { "number": "+18005550100", "flow": "Acme main IVR" } ],
 *   "bots": [ { "name": "BankBot", "arn": "arn:aws:lex:us-east-1:123456789012:bot-alias/BANKBOT01/TSTALIASID",
 *     "locale": "en_US", "intents": [
 *       { "name": "CheckBalance", "utterances": ["check my balance"], "dtmf": "1" },
 *       { "name": "PayBill", "utterances": ["pay my {BillType} bill"], "dtmf": "2",
 *         "slots": [ { "name": "BillType", "values": ["phone", "electricity"] } ] } ] } ]
 * }
 * ```
 *
 * - `flows[].file` is a flow document (2019-10-30 or legacy); its type and name come from the
 *   document's Metadata unless given. Modules (`Metadata.type` module) get `flow-module` ARNs.
 * - `prompts[].file` is played as `sound:<file>`: a path without extension, or an Asterisk sound name.
 * - `hoursOfOperation[].config` and `overrides` use Connect's DescribeHoursOfOperation shape.
 * - `lambdaFunctions[]` maps an ARN (or a function name) to a local module (`module`, with
 *   `handler`, default `handler`) or an HTTP endpoint (`url`, `headers`).
 * - `bots[]` are what Lex blocks talk to (matching in `integrations/bot.ts`): found by `arn` (a Lex
 *   V2 alias ARN, also from another account or region; a Parley ARN from the name unless given) or
 *   by `name` (Lex classic's `LexBot.Name`). Every `{Slot}` of an utterance must be one of the
 *   intent's `slots`; `fallbackIntent` names the intent reported when nothing matches.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Clock } from '@parley/ari';
import {
  type Contact,
  createContact,
  type Endpoint,
  type EngineEnv,
  type FlowInfo,
  type FlowType,
  type HoursOfOperation,
  loadFlow,
  parseArn,
  parseConnectArn,
  type QueueInfo,
} from '@parley/flow';
import { Ajv } from 'ajv';
import type { FlowTarget, PromptAudio, RuntimePorts } from '../executors/types.js';
import { type BotResource, checkBot } from '../integrations/bot.js';
import type { FunctionResource, LambdaPort } from '../integrations/lambda.js';
import type { VoicePort } from '../integrations/tts.js';
import type { CallPort } from '../telephony/port.js';
import { problem, type RunProblem } from './codes.js';
import type { MemoryRouting } from './routing.js';

export interface InstanceInfo {
  id: string;
  /** Names the flow-log group (`/aws/connect/<alias>`). */
  alias: string;
  region: string;
  account: string;
}

/** The instance `parley run` uses when no bundle names one. */
export const DEFAULT_INSTANCE: InstanceInfo = {
  id: '00000000-0000-4000-8000-000000000000',
  alias: 'parley',
  region: 'us-east-1',
  account: '000000000000',
};

export interface QueueResource extends QueueInfo {
  /** Contacts the queue holds before TransferContactToQueue takes QueueAtCapacity; unlimited when absent. */
  maxContacts?: number;
}

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

interface Named {
  id: string;
  arn: string;
  name: string;
}

/** Resources of one kind, found by ARN, ID (or the ID inside any Connect ARN) and name. */
class Resources<T extends Named> {
  readonly #byArn = new Map<string, T>();
  readonly #byId = new Map<string, T>();
  readonly #byName = new Map<string, T>();

  add(r: T): void {
    this.#byArn.set(r.arn, r);
    this.#byId.set(r.id, r);
    if (!this.#byName.has(r.name)) this.#byName.set(r.name, r);
  }

  get(ref: string): T | undefined {
    const trimmed = ref.trim();
    return (
      this.#byArn.get(trimmed) ??
      this.#byId.get(trimmed) ??
      this.#byId.get(idOf(trimmed) ?? '') ??
      this.#byName.get(trimmed)
    );
  }

  all(): T[] {
    return [...this.#byArn.values()];
  }
}

/** The resource ID an ARN ends with: Connect's `…/queue/<id>`, an agent queue's `…/queue/agent/<id>`. */
function idOf(ref: string): string | undefined {
  const connect = parseConnectArn(ref);
  if (connect) return connect.resourceId;
  const m = /^arn:[^:]+:connect:[^:]*:[^:]*:instance\/[^/]+\/[a-z-]+\/(?:agent\/)?([^/:]+)/.exec(ref);
  return m?.[1];
}

/** A phone number's digits, however it was written (`+1 (800) 555-0100` → `18005550100`). */
export const digitsOf = (n: string) => n.replace(/[^0-9]/g, '');
/** A phone number as E.164, the form contacts carry their endpoints in. */
export const e164 = (n: string) => `+${digitsOf(n)}`;

/** `<bot id>/<alias id>` of a Lex V2 alias ARN. */
const aliasOf = (arn: string) => /^arn:[^:]+:lex:[^:]*:[^:]*:bot-alias\/(.+)$/.exec(arn)?.[1];

export class Instance {
  readonly info: InstanceInfo;
  readonly arn: string;
  readonly #flows = new Resources<FlowTarget>();
  readonly #prompts = new Resources<PromptAudio & { id: string }>();
  readonly #queues = new Resources<QueueResource>();
  readonly #hours = new Resources<HoursOfOperation & Named>();
  readonly #agents = new Resources<AgentResource & { name: string }>();
  readonly #functions: FunctionEntry[] = [];
  readonly #numbers = new Map<string, string>();
  readonly #bots: BotResource[] = [];

  constructor(info: InstanceInfo = DEFAULT_INSTANCE) {
    this.info = info;
    this.arn = `arn:aws:connect:${info.region}:${info.account}:instance/${info.id}`;
  }

  /** A resource's ARN in this instance: `contact-flow`, `flow-module`, `queue`, `prompt`, `operating-hours`, `agent`. */
  arnOf(segment: string, id: string): string {
    return `${this.arn}/${segment}/${id}`;
  }

  addFlow(flow: FlowTarget): FlowTarget {
    this.#flows.add(flow);
    return flow;
  }

  /**
   * Loads a flow document into the instance. The flow is runnable whenever it has a model, even
   * with validation errors (the run shows what Connect would refuse to publish); its diagnostics come
   * back for the caller to report.
   */
  loadFlow(
    bytes: Uint8Array,
    options: { id?: string; name?: string; type?: string; arn?: string; file?: string } = {},
  ): { ok: true; flow: FlowTarget; warnings: string[] } | { ok: false; problem: RunProblem } {
    const loaded = loadFlow(bytes);
    if (!loaded.model) {
      const first = loaded.diagnostics[0];
      return {
        ok: false,
        problem: problem(
          'INSTANCE_FLOW_INVALID',
          `${options.file ?? 'flow'}: ${first ? `${first.code}: ${first.message}` : 'not a flow'}`,
        ),
      };
    }
    const metadata = loaded.document?.Metadata;
    const metaName =
      typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata)
        ? (metadata as Record<string, unknown>).name
        : undefined;
    const fileBase = options.file ? basename(options.file, extname(options.file)) : undefined;
    const id = options.id ?? fileBase ?? createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    const type: FlowType | string = options.type ?? loaded.flowType ?? 'CONTACT_FLOW';
    const flow: FlowTarget = {
      id,
      arn: options.arn ?? this.arnOf(type === 'MODULE' ? 'flow-module' : 'contact-flow', id),
      name: options.name ?? (typeof metaName === 'string' && metaName ? metaName : (fileBase ?? id)),
      type,
      model: loaded.model,
      key: createHash('sha256').update(bytes).digest('hex'),
    };
    this.addFlow(flow);
    const warnings = loaded.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.code}: ${d.message}${d.actionId ? ` (action "${d.actionId}")` : ''}`);
    return { ok: true, flow, warnings };
  }

  addPrompt(p: { id: string; name?: string; file: string; arn?: string }): void {
    this.#prompts.add({
      id: p.id,
      arn: p.arn ?? this.arnOf('prompt', p.id),
      name: p.name ?? p.id,
      file: p.file,
    });
  }

  addQueue(q: {
    id: string;
    name?: string;
    arn?: string;
    hoursOfOperation?: string;
    outboundCallerId?: string | Endpoint;
    maxContacts?: number;
  }): void {
    const queue: QueueResource = { id: q.id, arn: q.arn ?? this.arnOf('queue', q.id), name: q.name ?? q.id };
    if (q.hoursOfOperation !== undefined) queue.hoursOfOperationId = q.hoursOfOperation;
    if (q.outboundCallerId !== undefined)
      queue.outboundCallerId =
        typeof q.outboundCallerId === 'string'
          ? { Address: q.outboundCallerId, Type: 'TELEPHONE_NUMBER' }
          : q.outboundCallerId;
    if (q.maxContacts !== undefined) queue.maxContacts = q.maxContacts;
    this.#queues.add(queue);
  }

  addHours(h: {
    id: string;
    name?: string;
    arn?: string;
    timeZone: string;
    config: HoursOfOperation['Config'];
    overrides?: HoursOfOperation['Overrides'];
  }): void {
    const arn = h.arn ?? this.arnOf('operating-hours', h.id);
    const name = h.name ?? h.id;
    this.#hours.add({
      id: h.id,
      arn,
      name,
      HoursOfOperationId: h.id,
      HoursOfOperationArn: arn,
      Name: name,
      TimeZone: h.timeZone,
      Config: h.config,
      ...(h.overrides ? { Overrides: h.overrides } : {}),
    });
  }

  addAgent(a: { id: string; username?: string; arn?: string }): void {
    const username = a.username ?? a.id;
    this.#agents.add({ id: a.id, arn: a.arn ?? this.arnOf('agent', a.id), username, name: username });
  }

  /** Maps a Lambda ARN, or a bare function name, to where it runs. */
  addFunction(f: { arn?: string; name?: string; resource: FunctionResource }): void {
    const name = f.name ?? /function:([^:]+)/.exec(f.arn ?? '')?.[1] ?? f.arn ?? '';
    const arn = f.arn ?? `arn:aws:lambda:${this.info.region}:${this.info.account}:function:${name}`;
    this.#functions.push({ arn, name, resource: f.resource });
  }

  /** Adds a bot; its ARN is a Parley one built from its name unless given. */
  addBot(b: Omit<BotResource, 'arn'> & { arn?: string }): BotResource {
    const bot: BotResource = {
      ...b,
      arn: b.arn ?? `arn:parley:lex:${this.info.region}:${this.info.account}:bot-alias/${b.name}`,
    };
    this.#bots.push(bot);
    return bot;
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

  /** Routes calls to a number (any formatting; digits compared) into a flow (ARN, ID or name). */
  addPhoneNumber(number: string, flowRef: string): void {
    this.#numbers.set(digitsOf(number), flowRef);
  }

  flow(ref: string): FlowTarget | undefined {
    return this.#flows.get(ref);
  }

  flows(): FlowTarget[] {
    return this.#flows.all();
  }

  prompt(ref: string): PromptAudio | undefined {
    const p = this.#prompts.get(ref);
    return p && { arn: p.arn, name: p.name, file: p.file };
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
    return this.#functions.find((f) => f.name === name)?.resource;
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
    routing: MemoryRouting;
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
// The bundle file

const id = { type: 'string', minLength: 1, maxLength: 256 };
/** Lex's names for bots and intents. */
const lexName = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$' };
const score = { type: 'number', minimum: 0, maximum: 1 };
const text = { type: 'string', maxLength: 1024 };
const timeOfDay = {
  type: 'object',
  required: ['Hours', 'Minutes'],
  properties: {
    Hours: { type: 'integer', minimum: 0, maximum: 24 },
    Minutes: { type: 'integer', minimum: 0, maximum: 59 },
  },
};
const range = {
  type: 'object',
  required: ['Day', 'StartTime', 'EndTime'],
  properties: {
    Day: { enum: ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] },
    StartTime: timeOfDay,
    EndTime: timeOfDay,
  },
};

/** The bundle's JSON Schema (draft-07); see the module comment for an example. */
export const instanceBundleSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Parley instance bundle (parley run --instance)',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    instance: {
      type: 'object',
      additionalProperties: false,
      properties: {
        id,
        alias: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,62}$' },
        region: { type: 'string', pattern: '^[a-z0-9-]{1,32}$' },
        account: { type: 'string', pattern: '^[0-9]{12}$' },
      },
    },
    flows: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['file'],
        properties: { id, arn: text, name: text, type: text, file: text },
      },
    },
    prompts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'file'],
        properties: { id, arn: text, name: text, file: text },
      },
    },
    queues: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        properties: {
          id,
          arn: text,
          name: text,
          hoursOfOperation: text,
          outboundCallerId: text,
          maxContacts: { type: 'integer', minimum: 0 },
        },
      },
    },
    hoursOfOperation: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'timeZone', 'config'],
        properties: {
          id,
          arn: text,
          name: text,
          timeZone: text,
          config: { type: 'array', items: range },
          overrides: { type: 'array', items: { type: 'object' } },
        },
      },
    },
    agents: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        properties: { id, arn: text, username: text },
      },
    },
    lambdaFunctions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        anyOf: [{ required: ['arn'] }, { required: ['name'] }],
        oneOf: [{ required: ['module'] }, { required: ['url'] }],
        properties: {
          arn: text,
          name: text,
          module: text,
          handler: text,
          url: { type: 'string', pattern: '^https?://' },
          headers: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
    },
    phoneNumbers: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['number', 'flow'],
        properties: { number: { type: 'string', pattern: '^\\+?[0-9 ()-]{3,32}$' }, flow: text },
      },
    },
    bots: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'intents'],
        properties: {
          name: lexName,
          arn: text,
          locale: { type: 'string', pattern: '^[a-z]{2,3}[_-][A-Z]{2}$' },
          fallbackIntent: lexName,
          confidenceThreshold: score,
          intents: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name', 'utterances'],
              properties: {
                name: lexName,
                utterances: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 500 } },
                dtmf: { type: 'string', pattern: '^[0-9#*A-D]{1,32}$' },
                confidence: score,
                slots: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['name'],
                    properties: {
                      name: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]{0,99}$' },
                      type: text,
                      values: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 140 } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

interface BundleFile {
  instance?: Partial<InstanceInfo>;
  flows?: { id?: string; arn?: string; name?: string; type?: string; file: string }[];
  prompts?: { id: string; arn?: string; name?: string; file: string }[];
  queues?: {
    id: string;
    arn?: string;
    name?: string;
    hoursOfOperation?: string;
    outboundCallerId?: string;
    maxContacts?: number;
  }[];
  hoursOfOperation?: {
    id: string;
    arn?: string;
    name?: string;
    timeZone: string;
    config: HoursOfOperation['Config'];
    overrides?: HoursOfOperation['Overrides'];
  }[];
  agents?: { id: string; arn?: string; username?: string }[];
  lambdaFunctions?: {
    arn?: string;
    name?: string;
    module?: string;
    handler?: string;
    url?: string;
    headers?: Record<string, string>;
  }[];
  phoneNumbers?: { number: string; flow: string }[];
  bots?: (Omit<BotResource, 'arn'> & { arn?: string })[];
}

const validateBundle = new Ajv({ allErrors: false, strict: false }).compile<BundleFile>(instanceBundleSchema);

export type InstanceLoad =
  | { ok: true; instance: Instance; warnings: string[] }
  | { ok: false; problems: RunProblem[] };

/** Builds an instance from a bundle already parsed; `dir` resolves its relative paths. */
export async function instanceFromBundle(value: unknown, dir: string): Promise<InstanceLoad> {
  if (!validateBundle(value)) {
    const e = validateBundle.errors?.[0];
    return {
      ok: false,
      problems: [
        problem('INSTANCE_BUNDLE_INVALID', `${e?.instancePath || '/'} ${e?.message ?? 'is not valid'}`),
      ],
    };
  }
  const bundle = value;
  const instance = new Instance({ ...DEFAULT_INSTANCE, ...bundle.instance });
  const problems: RunProblem[] = [];
  const warnings: string[] = [];
  for (const f of bundle.flows ?? []) {
    const path = resolve(dir, f.file);
    const bytes = await readFile(path).catch(() => undefined);
    if (!bytes) {
      problems.push(problem('INSTANCE_BUNDLE_INVALID', `flow file ${f.file} cannot be read`));
      continue;
    }
    const loaded = instance.loadFlow(bytes, { ...f, file: path });
    if (!loaded.ok) problems.push(loaded.problem);
    else warnings.push(...loaded.warnings.map((w) => `${f.file}: ${w}`));
  }
  for (const p of bundle.prompts ?? [])
    instance.addPrompt({ ...p, file: p.file.includes('/') ? resolve(dir, p.file) : p.file });
  for (const q of bundle.queues ?? []) instance.addQueue(q);
  for (const h of bundle.hoursOfOperation ?? []) instance.addHours(h);
  for (const a of bundle.agents ?? []) instance.addAgent(a);
  for (const f of bundle.lambdaFunctions ?? []) {
    const resource: FunctionResource = f.module
      ? { kind: 'module', path: resolve(dir, f.module), ...(f.handler ? { handler: f.handler } : {}) }
      : { kind: 'http', url: f.url ?? '', ...(f.headers ? { headers: f.headers } : {}) };
    instance.addFunction({
      ...(f.arn ? { arn: f.arn } : {}),
      ...(f.name ? { name: f.name } : {}),
      resource,
    });
  }
  for (const n of bundle.phoneNumbers ?? []) instance.addPhoneNumber(n.number, n.flow);
  const botArns = new Set<string>();
  for (const b of bundle.bots ?? []) {
    const bot = instance.addBot(b);
    if (botArns.has(bot.arn))
      problems.push(problem('INSTANCE_BUNDLE_INVALID', `bot ${bot.arn} is defined twice`));
    botArns.add(bot.arn);
    for (const why of checkBot(bot)) problems.push(problem('INSTANCE_BUNDLE_INVALID', why));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, instance, warnings };
}

/** Reads a bundle file. */
export async function loadInstanceBundle(path: string): Promise<InstanceLoad> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : (e as Error).message;
    return { ok: false, problems: [problem('INSTANCE_BUNDLE_INVALID', `${path}: ${reason}`)] };
  }
  return instanceFromBundle(value, dirname(path));
}

/**
 * Adds every `*.json` flow of a folder (not recursive), known by file name (without `.json`) as ID
 * and by Metadata name. Flows the instance already has by that ID are left alone, so a bundle's
 * explicit IDs win.
 */
export async function addFlowsFromDir(
  instance: Instance,
  dir: string,
): Promise<{ added: FlowTarget[]; problems: RunProblem[]; warnings: string[] }> {
  const added: FlowTarget[] = [];
  const problems: RunProblem[] = [];
  const warnings: string[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return {
      added,
      problems: [problem('INSTANCE_FLOW_INVALID', `${dir} is not a readable folder`)],
      warnings,
    };
  }
  for (const name of names) {
    const path = join(dir, name);
    if (instance.flow(basename(name, '.json'))) continue;
    const bytes = await readFile(path).catch(() => undefined);
    if (!bytes) {
      problems.push(problem('INSTANCE_FLOW_INVALID', `${path} cannot be read`));
      continue;
    }
    const loaded = instance.loadFlow(bytes, { file: path });
    if (loaded.ok) {
      added.push(loaded.flow);
      warnings.push(...loaded.warnings.map((w) => `${name}: ${w}`));
    } else problems.push(loaded.problem);
  }
  return { added, problems, warnings };
}
