// What the contact-center end-to-end files share: the runtime's app and the harness's app
// connected to the telephony under test, an instance's calls served with a contact center, and
// in-memory flow logs and contact records to read back.
import { type AriClient, createAriClient, httpTransport } from '@parley/ari';
import { Harness } from '@parley/harness';
import { inject } from 'vitest';
import './telephony.js';
import {
  AriAgentLines,
  ContactCenters,
  type InstanceCenter,
  TEST_AGENT_ENDPOINT,
} from '../../src/center/index.js';
import type { Instance } from '../../src/contact/instance.js';
import type { ContactRun } from '../../src/contact/runner.js';
import { serveInbound } from '../../src/contact/serve.js';
import { placeholderVoice } from '../../src/contact/simulate.js';
import { createExecutors } from '../../src/executors/index.js';
import { LambdaPort } from '../../src/integrations/lambda.js';
import { MemoryContactRecordSink } from '../../src/logs/contact-record.js';
import { MemoryFlowLogSink } from '../../src/logs/sinks.js';
import { CountingClock, connectCuttableAri, nextReconnect } from './runtime-ari.js';

export interface CenterRig {
  harness: Harness;
  center: InstanceCenter;
  runs: ContactRun[];
  logs: MemoryFlowLogSink;
  records: MemoryContactRecordSink;
  runtimeAri: AriClient;
  /** The runtime's clock: what is left on it once every contact is over. */
  clock: CountingClock;
  /** Cuts the runtime's events socket (a `cuttable` rig's); resolves with how many, once Asterisk knows. */
  cutRuntimeSocket(): Promise<number>;
  /** Resolves at the next reconnect of the runtime's app (or of the harness's). */
  reconnected(app?: 'runtime' | 'harness'): Promise<void>;
  close(): Promise<void>;
}

export async function openCenterRig(
  instance: Instance,
  options: {
    offerTimeoutSeconds: number;
    /** Also record the segments the contact center makes (transfers, callbacks). */
    recordSegments?: boolean;
    /**
     * The runtime's app connected as production connects it, through a relay that can cut its
     * events socket, which then stays down this long before the first reconnect.
     */
    cuttable?: { reconnectDelayMs: number };
  },
): Promise<CenterRig> {
  const target = inject('telephony');
  const client = (app: string) =>
    createAriClient({
      transport: httpTransport({ url: target.url, username: target.username, password: target.password }),
      app,
    });
  const cuttable = options.cuttable ? await connectCuttableAri(target, options.cuttable) : undefined;
  const runtimeAri = cuttable?.ari ?? client('parley');
  const harnessAri = client('harness');
  await Promise.all([cuttable ? undefined : runtimeAri.connect(), harnessAri.connect()]);
  const clock = new CountingClock();
  const logs = new MemoryFlowLogSink();
  const records = new MemoryContactRecordSink();
  const runs: ContactRun[] = [];
  const voice = placeholderVoice();
  const lambda = new LambdaPort({ resolve: (arn) => instance.lambda(arn), clock });
  const executors = createExecutors();
  const centers = new ContactCenters({
    instance: () => instance,
    lines: new AriAgentLines(runtimeAri, clock),
    clock,
    flows: { clock, voice, lambda, log: logs, executors },
    endpointTemplate: TEST_AGENT_ENDPOINT,
    offerTimeoutSeconds: options.offerTimeoutSeconds,
    ...(options.recordSegments ? { records } : {}),
  });
  const serving = serveInbound({
    ari: runtimeAri,
    clock,
    instance,
    voice,
    lambda,
    routing: centers.unattached,
    attach: centers.attach,
    log: logs,
    records,
    executors,
    onContact: (run) => runs.push(run),
  });
  const harness = new Harness({ ari: harnessAri });
  return {
    harness,
    center: centers.get(instance.info.id) as InstanceCenter,
    runs,
    logs,
    records,
    runtimeAri,
    clock,
    cutRuntimeSocket: async () => {
      if (!cuttable) throw new Error('open the rig with `cuttable` to cut its events socket');
      return cuttable.cut();
    },
    reconnected: (app = 'runtime') => nextReconnect(app === 'runtime' ? runtimeAri : harnessAri),
    close: async () => {
      centers.close();
      serving.close();
      harness.close();
      harnessAri.close();
      runtimeAri.close();
      await cuttable?.close();
    },
  };
}

/** Waits (real time, bounded) until `check` holds. */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never: ${what}`);
}
