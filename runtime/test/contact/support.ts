/** Builders for the runner's tests: flows from actions, an in-memory call, a contact's ports. */
import { createHash } from 'node:crypto';
import { ManualClock } from '@parley/ari';
import { type Contact, createContact, toModel } from '@parley/flow';
import { Instance } from '../../src/contact/instance.js';
import { MemoryRouting } from '../../src/contact/routing.js';
import { placeholderVoice } from '../../src/contact/simulate.js';
import type { BlockExecutor, FlowTarget, RuntimePorts, TranscriptEntry } from '../../src/executors/types.js';
import { LambdaPort } from '../../src/integrations/lambda.js';
import { CallEnding } from '../../src/telephony/call-end.js';
import type { CallEnd, CallPort, CollectOutcome, PlayOutcome } from '../../src/telephony/port.js';

/** A flow of the instance from its actions; the first one starts unless told. */
export function flowTarget(
  instance: Instance,
  name: string,
  actions: Record<string, unknown>[],
  options: { type?: string; start?: string } = {},
): FlowTarget {
  const doc = {
    Version: '2019-10-30',
    StartAction: options.start ?? actions[0]?.Identifier,
    Actions: actions.map((a) => ({ Parameters: {}, Transitions: {}, ...a })),
  };
  const model = toModel(doc);
  if (!model) throw new Error('not a flow');
  const id = createHash('sha256').update(name).digest('hex').slice(0, 12);
  const type = options.type ?? 'CONTACT_FLOW';
  return instance.addFlow({
    id,
    arn: instance.arnOf(type === 'MODULE' ? 'flow-module' : 'contact-flow', id),
    name,
    type,
    model,
    key: createHash('sha256').update(JSON.stringify(doc)).digest('hex'),
  });
}

/** A call held in memory: answers at once, plays nothing, ends when told. */
export class FakeCall implements CallPort {
  readonly channelId = 'fake-1';
  readonly from = '+15550001111';
  readonly to = '18005550100';
  answered = false;
  hungUpByRuntime = false;
  readonly #ending = new CallEnding();

  async answer(): Promise<void> {
    this.answered = true;
  }
  async play(): Promise<PlayOutcome> {
    return this.ended ? { status: 'hungup' } : { status: 'done' };
  }
  async collectDigits(): Promise<CollectOutcome> {
    return this.ended ? { status: 'hungup' } : { status: 'timeout' };
  }
  async sendDtmf(): Promise<void> {}
  async startMusicOnHold(): Promise<void> {}
  async stopMusicOnHold(): Promise<void> {}
  async hangup(): Promise<void> {
    if (this.ended) return;
    this.hungUpByRuntime = true;
    this.#end({ cause: 16, by: 'runtime' });
  }
  /** The caller hangs up. */
  callerHangsUp(): void {
    this.#end({ cause: 16, by: 'caller' });
  }
  get ended(): CallEnd | undefined {
    return this.#ending.ended;
  }
  onEnd(listener: (end: CallEnd) => void): () => void {
    return this.#ending.onEnd(listener);
  }
  #end(end: CallEnd): void {
    this.#ending.end(end);
  }
}

export interface Bench {
  clock: ManualClock;
  instance: Instance;
  call: FakeCall;
  routing: MemoryRouting;
  transcript: TranscriptEntry[];
  ports: RuntimePorts;
}

export const START = Date.parse('2025-06-02T15:00:00Z');

export function bench(instance = new Instance()): Bench {
  const clock = new ManualClock(START);
  const call = new FakeCall();
  const routing = new MemoryRouting(clock, (ref) => instance.queue(ref) ?? instance.agentQueue(ref));
  const transcript: TranscriptEntry[] = [];
  const ports = instance.ports({
    call,
    clock,
    voice: placeholderVoice(),
    lambda: new LambdaPort({ resolve: (arn) => instance.lambda(arn), clock }),
    routing,
    transcript: (e) => transcript.push(e),
  });
  return { clock, instance, call, routing, transcript, ports };
}

export const newContact = (init: Partial<Contact> = {}): Contact =>
  createContact({
    ContactId: 'c0ffee00-0000-4000-8000-000000000001',
    CustomerEndpoint: { Address: '+15550001111', Type: 'TELEPHONE_NUMBER' },
    SystemEndpoint: { Address: '+18005550100', Type: 'TELEPHONE_NUMBER' },
    ...init,
  });

/** An executor that waits on the clock, as a prompt would, and then takes NextAction. */
export const slow =
  (ms: number): BlockExecutor =>
  (_input, ports) =>
    new Promise((resolve) => ports.clock.setTimeout(() => resolve({ outcome: { kind: 'next' } }), ms));

/** Runs `work` while the clock moves on in steps. */
export async function during<T>(clock: ManualClock, work: Promise<T>, ms = 60_000, step = 100): Promise<T> {
  let settled = false;
  void work.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  for (let t = 0; t < ms && !settled; t += step) await clock.advance(step);
  return work;
}
