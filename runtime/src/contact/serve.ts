import { randomUUID } from 'node:crypto';
import type { AriClient, Clock } from '@parley/ari';
import { createExecutors } from '../executors/index.js';
import type { BlockExecutor, RoutingPort, RuntimePorts } from '../executors/types.js';
import type { LambdaPort } from '../integrations/lambda.js';
import type { VoicePort } from '../integrations/tts.js';
import type { ContactRecordSink } from '../logs/contact-record.js';
import type { FlowLogSink } from '../logs/sinks.js';
import { AriTelephony } from '../telephony/ari-telephony.js';
import type { CallPort } from '../telephony/port.js';
import type { Instance } from './instance.js';
import { type ContactRun, type ContactStep, type RecordDetails, runContact } from './runner.js';

export interface ServeOptions {
  /** The runtime's ARI app, connected (or connecting) to Asterisk or ari-sim. */
  ari: AriClient;
  clock: Clock;
  /**
   * The instance calls belong to, or a lookup from the dialled number to the instance that owns it
   * (a server with several instances). Read as each call arrives, so a contact keeps the flow version
   * that was published when it started.
   */
  instance: Instance | ((dialled: string) => Instance | undefined);
  voice: VoicePort;
  lambda: LambdaPort;
  routing: RoutingPort;
  /**
   * The contact center (runtime/src/center): when it takes the call, its routing replaces `routing`
   * for the contact and it follows the run (queue flow, agents, record details).
   */
  attach?: (instance: Instance, call: CallPort, contactId: string) => CallAttachment | undefined;
  log: FlowLogSink;
  records?: ContactRecordSink;
  /** Block executors; the runtime's own (`createExecutors()`) unless told. */
  executors?: Readonly<Record<string, BlockExecutor>>;
  /** Told of each contact as it starts; `transcript` receives what its call did. */
  onContact?: (run: ContactRun, info: { from: string; to: string }) => void;
  transcript?: (contactId: string, entry: Parameters<RuntimePorts['transcript']>[0]) => void;
  /** Told of every block a contact runs (the designer's test calls follow the running block). */
  onStep?: (contactId: string, step: ContactStep) => void;
}

/** What the contact center does with one call. */
export interface CallAttachment {
  routing: RoutingPort;
  /** Told of the run once it started. */
  follow(run: ContactRun): void;
  recordDetails(): Promise<RecordDetails | undefined>;
}

export interface Serving {
  /** Contacts whose flows still run. */
  readonly running: ReadonlySet<ContactRun>;
  close(): void;
}

/**
 * Answers inbound calls: the dialled number picks the flow through the instance's phone numbers
 * (DESIGN.md "Interfaces"), and each call becomes a contact running it. A number that maps to no
 * flow is refused as unallocated, as a carrier would.
 */
export function serveInbound(options: ServeOptions): Serving {
  const running = new Set<ContactRun>();
  // One record for every contact: the runner caches compiled machines per executor set.
  const executors = options.executors ?? createExecutors();
  const telephony = new AriTelephony(options.ari, options.clock, ({ call }) => {
    const instance = typeof options.instance === 'function' ? options.instance(call.to) : options.instance;
    const flow = instance?.flowForNumber(call.to);
    if (!instance || !flow) {
      void call.hangup('failure').catch(() => undefined);
      return;
    }
    const contactId = randomUUID();
    const contact = instance.inboundContact({ contactId, from: call.from, to: call.to });
    const attached = options.attach?.(instance, call, contactId);
    const run = runContact({
      contact,
      flow,
      ports: instance.ports({
        call,
        clock: options.clock,
        voice: options.voice,
        lambda: options.lambda,
        routing: attached?.routing ?? options.routing,
        transcript: (entry) => options.transcript?.(contactId, entry),
      }),
      executors,
      log: options.log,
      ...(options.records ? { records: options.records } : {}),
      ...(attached ? { recordDetails: () => attached.recordDetails() } : {}),
      instanceArn: instance.arn,
      ...(options.onStep ? { onStep: (step: ContactStep) => options.onStep?.(contactId, step) } : {}),
    });
    running.add(run);
    attached?.follow(run);
    const forget = () => running.delete(run);
    run.closed.then(forget, forget);
    options.onContact?.(run, { from: call.from, to: call.to });
  });
  return {
    running,
    close: () => telephony.close(),
  };
}
