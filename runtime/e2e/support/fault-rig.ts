// What the fault end-to-end file needs around the runtime: its app connected as production connects
// it (request timeout, repeats) but through a relay that can cut its events socket, the harness on
// its own socket, an instance serving the fault flows, and every record, log line and timer kept
// where the test can count them.
import { type AriClient, type Clock, createAriClient, httpTransport } from '@parley/ari';
import { type CallerLeg, Harness } from '@parley/harness';
import { inject } from 'vitest';
import './telephony.js';
import { Instance } from '../../src/contact/instance.js';
import { MemoryRouting } from '../../src/contact/routing.js';
import type { ContactRun } from '../../src/contact/runner.js';
import { type Serving, serveInbound } from '../../src/contact/serve.js';
import { placeholderVoice } from '../../src/contact/simulate.js';
import type { TranscriptEntry } from '../../src/executors/types.js';
import { type FunctionResource, LambdaPort } from '../../src/integrations/lambda.js';
import type { VoicePort } from '../../src/integrations/tts.js';
import { MemoryContactRecordSink } from '../../src/logs/contact-record.js';
import { MemoryFlowLogSink } from '../../src/logs/sinks.js';
import { FAULT_PROMPTS, type FirstBlock, faultFlow } from './fault-flows.js';
import { CountingClock, connectCuttableAri, nextReconnect } from './runtime-ari.js';

export interface FaultRigOptions {
  /** Dialled number → the flow's first block. */
  numbers: Record<string, FirstBlock>;
  voice?: VoicePort;
  /** Where Lambda ARNs run, and the clock their time limits are measured on. */
  functions?: { arn: string; resource: FunctionResource }[];
  lambdaClock?: Clock;
  /** The runtime's REST timeout; production's unless told (hung requests cost this much each). */
  requestTimeoutMs?: number;
  /** How long the runtime's events socket stays down after a drop before the first reconnect. */
  reconnectDelayMs?: number;
}

export interface FaultRig {
  harness: Harness;
  runtimeAri: AriClient;
  serving: Serving;
  clock: CountingClock;
  runs: ContactRun[];
  logs: MemoryFlowLogSink;
  records: MemoryContactRecordSink;
  transcript: Map<string, TranscriptEntry[]>;
  /** Cuts the runtime's events socket as a network would; resolves with how many, once Asterisk knows. */
  cutRuntimeSocket(): Promise<number>;
  /** Resolves at the next reconnect of the runtime's app (or of the harness's). */
  reconnected(app?: 'runtime' | 'harness'): Promise<void>;
  /** Calls `number` and returns the caller and the contact its call became, once answered. */
  call(number: string): Promise<{ caller: CallerLeg; run: ContactRun }>;
  /** Resolves once the contact has started to prompt in block `identifier` (`count` times). */
  prompting(run: ContactRun, identifier: string, count?: number): Promise<void>;
  close(): Promise<void>;
}

/** Polls `check` in real time until it holds; what it waits for happens over real sockets. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function openFaultRig(options: FaultRigOptions): Promise<FaultRig> {
  const target = inject('telephony');
  const runtime = await connectCuttableAri(target, {
    requestTimeoutMs: options.requestTimeoutMs,
    reconnectDelayMs: options.reconnectDelayMs,
  });
  const runtimeAri = runtime.ari;
  const harnessAri = createAriClient({
    transport: httpTransport({ url: target.url, username: target.username, password: target.password }),
    app: 'harness',
    reconnect: { initialDelayMs: 100, maxDelayMs: 1000 },
  });
  await harnessAri.connect();

  const instance = new Instance();
  for (const p of FAULT_PROMPTS) instance.addPrompt({ id: p.id, name: p.id, file: p.file });
  for (const f of options.functions ?? []) instance.addFunction(f);
  for (const [number, first] of Object.entries(options.numbers)) {
    const loaded = instance.loadFlow(new TextEncoder().encode(faultFlow(`Faults ${number}`, first)), {
      file: `faults-${number}.json`,
    });
    if (!loaded.ok) throw new Error(loaded.problem.message);
    instance.addPhoneNumber(`+${number}`, loaded.flow.id);
  }

  const clock = new CountingClock();
  const runs: ContactRun[] = [];
  const logs = new MemoryFlowLogSink();
  const records = new MemoryContactRecordSink();
  const transcript = new Map<string, TranscriptEntry[]>();
  const arrivals: ((run: ContactRun) => void)[] = [];
  const serving = serveInbound({
    ari: runtimeAri,
    clock,
    instance,
    voice: options.voice ?? placeholderVoice(),
    lambda: new LambdaPort({ resolve: (arn) => instance.lambda(arn), clock: options.lambdaClock ?? clock }),
    routing: new MemoryRouting(clock, (ref) => instance.queue(ref)),
    log: logs,
    records,
    onContact: (run) => {
      runs.push(run);
      arrivals.shift()?.(run);
    },
    transcript: (contactId, entry) => {
      const lines = transcript.get(contactId) ?? [];
      lines.push(entry);
      transcript.set(contactId, lines);
    },
  });
  const harness = new Harness({ ari: harnessAri });

  return {
    harness,
    runtimeAri,
    serving,
    clock,
    runs,
    logs,
    records,
    transcript,
    cutRuntimeSocket: () => runtime.cut(),
    reconnected: (app = 'runtime') => nextReconnect(app === 'runtime' ? runtimeAri : harnessAri),
    async call(number) {
      // Calls placed one at a time arrive in order: the next contact is this call's.
      const arrived = new Promise<ContactRun>((resolve) => arrivals.push(resolve));
      const caller = await harness.call(number);
      const run = await arrived;
      await caller.answered();
      return { caller, run };
    },
    prompting: (run, identifier, count = 1) =>
      eventually(
        () =>
          (transcript.get(run.contactId) ?? []).filter(
            (e) => e.kind === 'prompt' && e.identifier === identifier,
          ).length >= count,
        `${run.contactId} to prompt in ${identifier}`,
      ),
    async close() {
      serving.close();
      harness.close();
      harnessAri.close();
      await runtime.close();
    },
  };
}
