/**
 * A fixture flow compiled by the engine and run with the runtime's executors on a real call: ari-sim
 * in-process, the harness as the caller and the PSTN, the ARI telephony port, all on one clock.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock, systemClock } from '@parley/ari';
import {
  type CompiledFlow,
  compile,
  createContact,
  type EngineEnv,
  type FlowOutput,
  type HoursOfOperation,
  loadFlow,
  type QueueInfo,
  type StepEvent,
  startFlow,
} from '@parley/flow';
import type { CallerLeg, Harness } from '@parley/harness';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bindExecutors, createExecutors } from '../../src/executors/index.js';
import type { QueueMetrics, RuntimePorts, TranscriptEntry } from '../../src/executors/types.js';
import { LambdaPort } from '../../src/integrations/lambda.js';
import type { SpeechOutcome, VoicePort } from '../../src/integrations/tts.js';
import type { AriCall } from '../../src/telephony/ari-call.js';
import type { InboundCall } from '../../src/telephony/ari-telephony.js';
import { openSimulatedCalls, type SimulatedCalls } from '../support/simulated-calls.js';
import { FakeRouting, fixtures, INSTANCE } from './support.js';

const ROOT = join(fixtures, '../../../..');
let compiled: CompiledFlow;
beforeAll(async () => {
  const loaded = loadFlow(readFileSync(join(ROOT, 'fixtures/flows/inbound-main-ivr.json'), 'utf8'));
  if (!loaded.model) throw new Error('the fixture does not load');
  compiled = compile(loaded.model);
});

const WELCOME = `${INSTANCE}/prompt/94c46669-505f-58a9-86be-895326099276`;
const HOURS: HoursOfOperation = {
  HoursOfOperationId: 'acb141de-7a44-5abb-ada4-44813cea9167',
  HoursOfOperationArn: `${INSTANCE}/operating-hours/acb141de-7a44-5abb-ada4-44813cea9167`,
  Name: 'Acme office',
  TimeZone: 'America/New_York',
  Config: (['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const).map((Day) => ({
    Day,
    StartTime: { Hours: 8, Minutes: 0 },
    EndTime: { Hours: 18, Minutes: 0 },
  })),
};

/** Every prompt is spoken as ari-sim's hello-world (1.4 s); the transcript keeps the words. */
const voice: VoicePort = {
  render: async (): Promise<SpeechOutcome> => ({
    status: 'ok',
    file: 'hello-world',
    durationMs: 1404,
    cached: true,
  }),
};

let clock: ManualClock;
let calls: SimulatedCalls;
let harness: Harness;
let inbound: InboundCall[];

async function open(now: string): Promise<void> {
  clock = new ManualClock(Date.parse(now));
  calls = await openSimulatedCalls(clock);
  ({ harness, inbound } = calls);
}
afterEach(() => calls.close());

/** Lets call time pass, 100 ms at a time, until `check` holds. */
async function until(check: () => boolean, what: string, limitMs = 120_000): Promise<void> {
  for (let t = 0; !check(); t += 100) {
    if (t > limitMs) throw new Error(`no ${what} within ${limitMs} ms`);
    await clock.advance(100);
  }
}

/** Lets call time pass until `work` settles. */
async function settled<T>(work: Promise<T>, what: string): Promise<T> {
  let done = false;
  void work.then(
    () => (done = true),
    () => (done = true),
  );
  await until(() => done, what);
  return work;
}

interface Run {
  call: AriCall;
  caller: CallerLeg;
  routing: FakeRouting;
  transcript: TranscriptEntry[];
  steps: StepEvent[];
  output: () => FlowOutput | undefined;
}

/** A caller dials in; the runtime answers and runs the fixture flow on the call. */
async function placeCall(): Promise<Run> {
  const caller = await harness.call('18005550100', { callerId: '"Ada" <+15550001111>' });
  await until(() => inbound.length > 0, 'inbound call');
  const arrived = inbound.shift();
  if (!arrived) throw new Error('no inbound call');
  const call = arrived.call;
  await call.answer();
  const routing = new FakeRouting({ metrics: true, callbacks: true });
  const queues = new Map<string, QueueInfo>();
  const queue = (ref: string): QueueInfo => {
    const known = queues.get(ref) ?? {
      id: ref.split('/').pop() ?? ref,
      arn: ref,
      name: `Queue ${queues.size + 1}`,
    };
    queues.set(ref, known);
    routing.queueMetrics = { ...routing.queueMetrics, [ref]: staffed(known) };
    return known;
  };
  const env: EngineEnv = {
    now: () => clock.now(),
    queue,
    agentQueue: () => undefined,
    hoursOfOperation: (ref) =>
      ref === HOURS.HoursOfOperationArn || ref === HOURS.HoursOfOperationId ? HOURS : undefined,
    flow: (ref) => ({ id: ref, arn: ref }),
  };
  const transcript: TranscriptEntry[] = [];
  // The function is real I/O: its time limit runs on real time, not on the call's simulated clock.
  const lambda = new LambdaPort({
    resolve: (arn) =>
      arn.endsWith(':acme-customer-lookup')
        ? { kind: 'module', path: join(fixtures, 'lambda.mjs'), handler: 'lookup' }
        : undefined,
    clock: systemClock,
  });
  const ports: RuntimePorts = {
    call,
    voice,
    lambda,
    prompt: (ref) =>
      ref === WELCOME ? { arn: WELCOME, name: 'Acme welcome', file: 'vm-goodbye' } : undefined,
    flow: () => undefined,
    routing,
    env,
    clock,
    transcript: (entry) => transcript.push(entry),
  };
  const contact = createContact({
    ContactId: 'c0ffee00-0000-4000-8000-00000000abcd',
    InstanceARN: INSTANCE,
    CustomerEndpoint: { Address: call.from, Type: 'TELEPHONE_NUMBER' },
    SystemEndpoint: { Address: `+${call.to}`, Type: 'TELEPHONE_NUMBER' },
  });
  const steps: StepEvent[] = [];
  let output: FlowOutput | undefined;
  void startFlow(compiled, {
    executors: bindExecutors(createExecutors(), ports),
    input: { contact },
    onStep: (e) => steps.push(e),
  }).done.then((o) => (output = o));
  await settled(caller.answered(), 'the answer');
  // Up to the Lambda nothing waits on the call; the Lambda is real I/O, so wait for it in real time
  // before the call's clock runs.
  await vi.waitFor(
    () => {
      if (!steps.some((s) => s.blockType === 'InvokeLambdaFunction'))
        throw new Error('the Lambda is still running');
    },
    { timeout: 5000 },
  );
  return { call, caller, routing, transcript, steps, output: () => output };
}

const staffed = (q: QueueInfo): QueueMetrics => ({
  queue: { arn: q.arn, name: q.name },
  size: 0,
  oldestContactAgeSeconds: null,
  agents: { online: 2, available: 1, staffed: 2, afterContactWork: 0, busy: 1, missed: 0, nonProductive: 0 },
});

const prompted = (run: Run, words: string) => () =>
  run.transcript.some((t) => t.kind === 'prompt' && t.text.toLowerCase().includes(words.toLowerCase()));

const SETUP = [
  '85021eab-20e1-5369-8551-d61b049245da', // logging on
  '913d00b7-495a-5a18-97fe-9d4b0d4ae503', // recording behavior
  '516d1c3a-dd8e-55df-acf9-9c28beac437c', // voice
  'd4dd7050-73a2-564b-ae3b-9fd7aa419191', // customer queue flow
  '5b10e305-ac7e-5d44-8dfb-fc4d9d003352', // customer hold flow
  'cc746b22-79b0-5c12-a5ce-85d2169322f9', // agent hold flow
  'da65b122-39b6-58c8-ad9a-cfda8decfa8f', // customer whisper flow
  'b3d48b79-a686-5ff6-aae8-a3a928284ea8', // agent whisper flow
  '1777b42e-64c2-50d5-a8cd-638333437bb8', // attributes
  '76128147-dae7-5feb-a994-e509640528cc', // customer lookup Lambda
  '8e08953e-1d77-5c66-9eda-f05443585ab9', // attributes from the Lambda
  '2d7d26e6-32a2-5c13-95a2-ead729bf8283', // platinum?
  '203f78e3-410f-58ba-8e08-c90f1e827c26', // hours
];

describe('the main IVR fixture on a call', () => {
  it('greets the caller in hours, takes the menu choice and queues the call for sales', async () => {
    await open('2026-01-05T15:00:00Z'); // Monday, 10:00 in New York
    const run = await placeCall();
    await until(prompted(run, 'for sales, press 1'), 'main menu');
    await run.caller.press('1');
    await until(() => run.output() !== undefined, 'end of the flow');
    const out = run.output();
    expect(out?.end.reason).toBe('transferToQueue');
    expect(out?.path.slice(0, SETUP.length)).toEqual(SETUP);
    expect(out?.path.slice(SETUP.length, SETUP.length + 3)).toEqual([
      'c23dc184-fa86-56fe-b9d7-7a81303ef9a2', // welcome prompt
      'c2c6c457-efa1-55e5-905c-0a29cec3d8b8', // main menu
      '286b6d3c-0310-52db-b6ee-5e3a56058d61', // sales split
    ]);
    expect(out?.path.slice(-2)).toEqual([
      'dc4dbe77-cf52-5bf3-a18a-d8439a3ba489', // staffed?
      '436cc838-0b4e-5218-aebf-d4e35795f62b', // transfer to queue
    ]);
    expect(out?.contact.Attributes).toMatchObject({
      customerName: 'Ana',
      accountTier: 'gold',
      ivrEntry: 'main',
    });
    expect(out?.contact.recording.participants).toEqual(['Agent', 'Customer']);
    expect(run.routing.enqueued.map((e) => e.queueArn)).toEqual([out?.end.target]);
    expect(run.transcript.filter((t) => t.kind !== 'prompt')).toEqual([
      { kind: 'input', identifier: 'c2c6c457-efa1-55e5-905c-0a29cec3d8b8', digits: '1', ended: 'max' },
      expect.objectContaining({ kind: 'transfer', target: 'queue' }),
    ]);
    const lambda = run.steps.find((s) => s.blockType === 'InvokeLambdaFunction');
    expect(lambda?.log?.externalResults).toMatchObject({ firstName: 'Ana', phone: '+15550001111' });
    expect(run.call.ended).toBeUndefined();
  });

  it('after hours, transfers the caller to the answering service and says goodbye when it hangs up', async () => {
    await open('2026-01-03T15:00:00Z'); // Saturday
    harness.phone('pstn', '+18005550199', { answer: { ringMs: 500 } });
    const run = await placeCall();
    await until(prompted(run, 'our offices are closed'), 'closed menu');
    await run.caller.press('1');
    const service = await settled(harness.incoming('pstn', '+18005550199'), 'the call to the service');
    await until(() => service.answeredAt !== undefined, 'the service answering');
    await clock.advance(5000);
    expect(run.output()).toBeUndefined();
    await service.hangup();
    await until(() => run.output() !== undefined, 'end of the flow');
    const out = run.output();
    expect(out?.path.slice(SETUP.length)).toEqual([
      'aa6bc329-862b-52ef-b74e-edd3577fb815', // closed menu
      'c14be552-05a3-50a2-83b0-2b521001d19f', // answering service
      '486338f6-9caa-5f3c-93f9-ce9b2c50834e', // goodbye
      '11b46eea-4155-53ea-9057-9e9f52ba84e5', // hang up
    ]);
    expect(out?.end.reason).toBe('disconnect');
    await until(() => run.caller.hungUp, 'the caller hearing the hangup');
    expect(run.transcript.map((t) => t.kind)).toEqual([
      'prompt',
      'input',
      'transfer',
      'prompt',
      'disconnect',
    ]);
  });

  it('takes a callback number, stores it as E.164 and queues the callback', async () => {
    await open('2026-01-05T15:00:00Z');
    const run = await placeCall();
    await until(prompted(run, 'for sales, press 1'), 'main menu');
    await run.caller.press('4');
    await until(prompted(run, 'call you back on'), 'callback prompt');
    await run.caller.press('2125550123#', { betweenMs: 150 });
    await until(() => run.output() !== undefined, 'end of the flow');
    const out = run.output();
    expect(out?.end.reason).toBe('disconnect');
    expect(out?.contact.StoredCustomerInput).toBe('+12125550123');
    expect(out?.contact.callbackNumber).toBe('+12125550123');
    expect(run.routing.callbacks).toEqual([
      expect.objectContaining({ number: '+12125550123', initialCallDelaySeconds: 5 }),
    ]);
    expect(run.transcript).toContainEqual(
      expect.objectContaining({
        kind: 'prompt',
        text: expect.stringContaining('call you back at +12125550123'),
      }),
    );
  });
});
