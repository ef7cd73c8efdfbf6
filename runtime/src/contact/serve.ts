import { randomUUID } from 'node:crypto';
import type { AriClient, Clock } from '@parley/ari';
import { CheckpointWait } from '../cluster/checkpoint-wait.js';
import { createExecutors } from '../executors/index.js';
import type { BlockExecutor, RoutingPort, RuntimePorts } from '../executors/types.js';
import type { LambdaPort } from '../integrations/lambda.js';
import type { VoicePort } from '../integrations/tts.js';
import type { ContactRecordSink } from '../logs/contact-record.js';
import type { FlowLogSink } from '../logs/sinks.js';
import type { AriCall } from '../telephony/ari-call.js';
import { AriTelephony, MOVED_IN_ARG } from '../telephony/ari-telephony.js';
import type { CallPort } from '../telephony/port.js';
import type { Instance } from './instance.js';
import {
  type ContactRun,
  type ContactSnapshot,
  type ContactStep,
  HANDED_OFF,
  type RecordDetails,
  runContact,
} from './runner.js';

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
  /** Where each contact's snapshot goes before every block, so another worker can take it over. */
  checkpoints?: CheckpointSink;
  /** With `checkpoints`: the worker running the contact centers, when that may be another one. */
  center?: CenterPlacement;
}

/**
 * Where the contact centers run among a cluster's workers. A contact whose flow needs one (a queue,
 * a queue's metrics, a callback) on a worker that does not run them moves there between blocks: its
 * checkpoint becomes that worker's, its channel moves into that worker's app, and the block runs
 * again there (as after a failover, the only block run twice, and it had not done anything yet).
 */
export interface CenterPlacement {
  /** The worker running the contact centers when it is another one; undefined when it is this one. */
  elsewhere(): Promise<{ workerId: string; app: string } | undefined>;
  /** Makes a contact's checkpoint `to`'s; false when it is not `from`'s to give. */
  pass(contactId: string, from: string, to: string): Promise<boolean>;
  /** This worker's id, the `from` of what it passes. */
  readonly workerId: string;
  /** The checkpoint of a contact passed to this worker, whose call just moved in. */
  take(contactId: string): Promise<LiveContact | undefined>;
}

/** A contact's last checkpoint, with what a worker taking it over needs to find its call. */
export interface LiveContact {
  contactId: string;
  channelId: string;
  /** The dialled number: it names the instance the contact belongs to. */
  dialled: string;
  snapshot: ContactSnapshot;
}

export interface CheckpointSink {
  /** Settles once the snapshot is stored: the block after it may run. */
  save(contact: LiveContact): Promise<void>;
  /** The contact is over: nothing left to take over. */
  remove(contactId: string): void;
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
  /**
   * Serves another Stasis app too (a stopped worker's, taken over): its new inbound calls, and the
   * calls it still has. A call with a checkpoint in `live` resumes from it, one without starts its
   * flow as a new call would. Returns the checkpoints whose call is not in this app.
   */
  adopt(
    ari: AriClient,
    live: readonly LiveContact[],
  ): Promise<{ resumed: number; started: number; unmatched: LiveContact[] }>;
  /** Closes contacts whose call is gone (hung up while no worker watched) as the caller's hang-up. */
  closeGone(live: readonly LiveContact[]): number;
  close(): void;
}

/**
 * Answers inbound calls: the dialled number picks the flow through the instance's phone numbers
 * (DESIGN.md "Interfaces"), and each call becomes a contact running it. A number that maps to no
 * flow is refused as unallocated, as a carrier would.
 */
export function serveInbound(options: ServeOptions): Serving {
  const running = new Set<ContactRun>();
  const checkpointWait = new CheckpointWait(options.clock);
  // One record for every contact: the runner caches compiled machines per executor set.
  const executors = options.executors ?? createExecutors();
  const instanceFor = (dialled: string) =>
    typeof options.instance === 'function' ? options.instance(dialled) : options.instance;

  const start = (call: AriCall, resume?: LiveContact, telephony?: AriTelephony): boolean => {
    const instance = instanceFor(call.to);
    const flow = instance?.flowForNumber(call.to);
    if (!instance || !flow) return false;
    const contactId = resume?.contactId ?? randomUUID();
    const contact = instance.inboundContact({ contactId, from: call.from, to: call.to });
    const attached = options.attach?.(instance, call, contactId);
    const { checkpoints, center } = options;
    let routing = attached?.routing ?? options.routing;
    /** The checkpoint left this run: whoever has it now removes it. */
    let movedAway = false;
    // Only a worker of a cluster hands contacts off, so only there does a run get a signal: one that
    // would never abort holds about 900 bytes, with its listener, for as long as the contact lives.
    let signal: AbortSignal | undefined;
    if (center && checkpoints && telephony) {
      const stop = new AbortController();
      signal = stop.signal;
      const move = async (): Promise<boolean> => {
        const to = await center.elsewhere().catch(() => undefined);
        if (!to || !(await center.pass(contactId, center.workerId, to.workerId).catch(() => false)))
          return false;
        // The block that asked stays pending: the run stops around it and writes no record.
        movedAway = true;
        stop.abort(HANDED_OFF);
        await run.done;
        try {
          await telephony.ari.channels.move({
            channelId: call.channelId,
            app: to.app,
            appArgs: `${MOVED_IN_ARG},${contactId}`,
          });
          telephony.release(call);
        } catch {
          // The caller hung up meanwhile (or the PBX refused): the contact ends or goes on here, as
          // a new run whose checkpoints this stopped one must leave alone.
          const back = await center.pass(contactId, to.workerId, center.workerId).catch(() => false);
          const last = back ? await center.take(contactId).catch(() => undefined) : undefined;
          if (last) start(call, last);
        }
        return true;
      };
      routing = routingVia(routing, move);
    }
    const run = runContact({
      contact,
      flow,
      ports: instance.ports({
        call,
        clock: options.clock,
        voice: options.voice,
        lambda: options.lambda,
        routing,
        transcript: (entry) => options.transcript?.(contactId, entry),
      }),
      executors,
      log: options.log,
      ...(options.records ? { records: options.records } : {}),
      ...(attached ? { recordDetails: () => attached.recordDetails() } : {}),
      instanceArn: instance.arn,
      ...(options.onStep ? { onStep: (step: ContactStep) => options.onStep?.(contactId, step) } : {}),
      ...(resume ? { resume: resume.snapshot } : {}),
      signal,
      ...(checkpoints
        ? {
            // The block's flow-log entry is stored before the snapshot that says it ran.
            checkpoint: (snapshot: ContactSnapshot) =>
              checkpointWait.wait(
                (async () => {
                  await options.log.flush();
                  await checkpoints.save({
                    contactId,
                    channelId: call.channelId,
                    dialled: call.to,
                    snapshot,
                  });
                })(),
              ),
          }
        : {}),
    });
    running.add(run);
    attached?.follow(run);
    const forget = () => {
      running.delete(run);
      if (!movedAway) checkpoints?.remove(contactId);
    };
    run.closed.then(forget, forget);
    options.onContact?.(run, { from: call.from, to: call.to });
    return true;
  };

  const serve = (ari: AriClient) => {
    const telephony: AriTelephony = new AriTelephony(
      ari,
      options.clock,
      ({ call }) => {
        if (!start(call, undefined, telephony)) void call.hangup('failure').catch(() => undefined);
      },
      ({ call, args }) => {
        const contactId = args[0] ?? '';
        void (async () => {
          const live = await options.center?.take(contactId).catch(() => undefined);
          if (!live || !start(call, live, telephony)) await call.hangup('failure');
        })().catch(() => undefined);
      },
    );
    return telephony;
  };
  const telephonies = [serve(options.ari)];

  return {
    running,
    async adopt(ari, live) {
      const telephony = serve(ari);
      telephonies.push(telephony);
      const { channels } = await ari.resync();
      const byChannel = new Map(live.map((c) => [c.channelId, c]));
      let resumed = 0;
      let started = 0;
      for (const channel of channels) {
        const call = telephony.adopt(channel);
        const checkpoint = byChannel.get(channel.id);
        byChannel.delete(channel.id);
        if (start(call, checkpoint, telephony)) {
          if (checkpoint) resumed++;
          else started++;
        } else void call.hangup('failure').catch(() => undefined);
      }
      return { resumed, started, unmatched: [...byChannel.values()] };
    },
    closeGone(live) {
      const [telephony] = telephonies;
      let closed = 0;
      for (const checkpoint of live) {
        const call = telephony?.adopt({
          id: checkpoint.channelId,
          caller: { number: '' },
          dialplan: { exten: checkpoint.dialled },
        });
        if (!call) continue;
        call.markGone();
        if (start(call, checkpoint, telephony)) closed++;
      }
      return closed;
    },
    close: () => {
      for (const telephony of telephonies) telephony.close();
    },
  };
}

/** Routing that first moves the contact to the worker running the contact centers, when another does. */
function routingVia(local: RoutingPort, move: () => Promise<boolean>): RoutingPort {
  const moving =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> =>
      (await move()) ? new Promise<R>(() => {}) : f(...args);
  const { metrics, createCallback, completeOutboundCall } = local;
  return {
    enqueue: moving(local.enqueue.bind(local)),
    ...(metrics ? { metrics: moving(metrics.bind(local)) } : {}),
    ...(createCallback ? { createCallback: moving(createCallback.bind(local)) } : {}),
    ...(completeOutboundCall ? { completeOutboundCall: moving(completeOutboundCall.bind(local)) } : {}),
  };
}
