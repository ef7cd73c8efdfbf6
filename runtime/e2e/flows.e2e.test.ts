/**
 * Whole flows over real sockets: the runtime's contact engine answers calls as the `parley` ARI
 * app and the harness calls in as a customer, against ari-sim as a server or a real Asterisk
 * (PARLEY_TEST_ARI_URL). The golden run `menu-dtmf` must take the same path here as in-process.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAriClient, httpTransport, systemClock } from '@parley/ari';
import { type CallerLeg, Harness } from '@parley/harness';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import './support/telephony.js';
import { Instance } from '../src/contact/instance.js';
import { MemoryRouting } from '../src/contact/routing.js';
import type { ContactRun } from '../src/contact/runner.js';
import { type Serving, serveInbound } from '../src/contact/serve.js';
import { placeholderVoice } from '../src/contact/simulate.js';
import type { TranscriptEntry } from '../src/executors/types.js';
import { LambdaPort } from '../src/integrations/lambda.js';
import { MemoryContactRecordSink } from '../src/logs/contact-record.js';
import { MemoryFlowLogSink } from '../src/logs/sinks.js';

const runs = resolve(fileURLToPath(import.meta.url), '../../../fixtures/runs');
const DNIS = '+18005550100';

let serving: Serving;
let harness: Harness;
let closeAll: () => void;
const transcript: TranscriptEntry[] = [];
let started: Promise<ContactRun>;
const logs = new MemoryFlowLogSink();
const records = new MemoryContactRecordSink();

beforeEach(async () => {
  const target = inject('telephony');
  const client = (app: string) =>
    createAriClient({
      transport: httpTransport({ url: target.url, username: target.username, password: target.password }),
      app,
    });
  const runtimeAri = client('parley');
  const harnessAri = client('harness');
  await Promise.all([runtimeAri.connect(), harnessAri.connect()]);

  const instance = new Instance();
  const loaded = instance.loadFlow(readFileSync(resolve(runs, 'menu-dtmf/flow.json')), {
    file: 'menu-dtmf.json',
  });
  if (!loaded.ok) throw new Error(loaded.problem.message);
  instance.addPhoneNumber(DNIS, loaded.flow.id);
  transcript.length = 0;
  let onStart!: (run: ContactRun) => void;
  started = new Promise((resolve) => {
    onStart = resolve;
  });
  serving = serveInbound({
    ari: runtimeAri,
    clock: systemClock,
    instance,
    voice: placeholderVoice(),
    lambda: new LambdaPort({ resolve: (arn) => instance.lambda(arn), clock: systemClock }),
    routing: new MemoryRouting(systemClock, (ref) => instance.queue(ref)),
    log: logs,
    records,
    onContact: (run) => onStart(run),
    transcript: (_id, entry) => transcript.push(entry),
  });
  harness = new Harness({ ari: harnessAri });
  closeAll = () => {
    serving.close();
    harness.close();
    runtimeAri.close();
    harnessAri.close();
  };
});
afterEach(() => closeAll());

/** Waits, in real time, until the flow has started the prompt with this identifier `count` times. */
async function promptStarted(identifier: string, count = 1): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (transcript.filter((e) => e.kind === 'prompt' && e.identifier === identifier).length >= count) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`prompt ${identifier} never started`);
}

describe('a flow over real sockets', () => {
  it('runs the DTMF menu the way the golden run does, logs every block and writes the contact record', async () => {
    const expected = JSON.parse(readFileSync(resolve(runs, 'menu-dtmf/expected.json'), 'utf8')) as {
      path: string[];
    };
    const caller: CallerLeg = await harness.call(DNIS.slice(1), { callerId: '"Caller" <+15550001111>' });
    const run = await started;
    await caller.answered();
    await promptStarted('Menu');
    await caller.press('9');
    await promptStarted('Menu', 2);
    await caller.press('2');
    const result = await run.done;
    expect(result.path.map((p) => p.identifier)).toEqual(expected.path);
    expect(result.end).toMatchObject({ kind: 'disconnected', by: 'flow' });
    await caller.waitForHangup();
    const record = await run.closed;
    expect(record.ContactId).toBe(run.contactId);
    expect(
      transcript.filter((e) => e.kind === 'input').map((e) => (e.kind === 'input' ? e.digits : '')),
    ).toEqual(['9', '2']);
  });

  it('refuses a call to a number no flow answers, and keeps serving the next one', async () => {
    const refused = await harness.call('18005559999');
    await refused.waitForHangup();
    expect(refused.inStasis).toBe(false);
    const caller = await harness.call(DNIS.slice(1));
    const run = await started;
    await caller.answered();
    await caller.hangup();
    await expect(run.done).resolves.toMatchObject({ end: { kind: 'disconnected', by: 'caller' } });
  });
});
