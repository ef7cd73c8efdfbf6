import { type AriClient, type AriClientOptions, createAriClient, type ManualClock } from '@parley/ari';
import { type AriSim, createAriSim } from '@parley/ari-sim';
import { TEST_DIALPLAN } from './config.js';
import { Harness } from './harness.js';

export interface SimulatedTelephony {
  sim: AriSim;
  /** The runtime's app (`parley`), connected. */
  runtimeAri: AriClient;
  /** The harness's app (`harness`), connected, behind `harness`. */
  harnessAri: AriClient;
  harness: Harness;
  close(): Promise<void>;
}

export interface SimulatedTelephonyOptions {
  /** How the runtime's client behaves beyond the defaults: its request timeout, retries, reconnects. */
  runtime?: Pick<AriClientOptions, 'requestTimeoutMs' | 'retry' | 'reconnect'>;
}

/**
 * ari-sim in-process on `clock` with both apps of the test dialplan connected and a harness on
 * its app: the setup every test of a call on the simulated clock starts from. No sockets.
 */
export async function openSimulatedTelephony(
  clock: ManualClock,
  options: SimulatedTelephonyOptions = {},
): Promise<SimulatedTelephony> {
  const sim = createAriSim({ clock });
  // Pings only matter to a real socket; on the manual clock they would be timers to step over.
  const client = (app: string, extra: SimulatedTelephonyOptions['runtime'] = {}) =>
    createAriClient({
      transport: sim.transport({ username: app, password: app }),
      app,
      clock,
      pingIntervalMs: 0,
      ...extra,
    });
  const runtimeAri = client(TEST_DIALPLAN.runtimeApp, options.runtime);
  const harnessAri = client(TEST_DIALPLAN.harnessApp);
  await Promise.all([runtimeAri.connect(), harnessAri.connect()]);
  const harness = new Harness({ ari: harnessAri, clock });
  return {
    sim,
    runtimeAri,
    harnessAri,
    harness,
    async close() {
      harness.close();
      runtimeAri.close();
      harnessAri.close();
      await sim.close();
    },
  };
}
