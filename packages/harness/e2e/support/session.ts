import { type AriClient, createAriClient, httpTransport } from '@parley/ari';
import { inject } from 'vitest';
import type { CallerLeg } from '../../src/caller.js';
import { TEST_DIALPLAN } from '../../src/config.js';
import { Harness } from '../../src/harness.js';
import { RuntimeApp } from './runtime-app.js';
import { startEventSocketCutter } from './tcp-proxy.js';

export interface Session {
  target: ReturnType<typeof inject<'telephony'>>;
  runtime: RuntimeApp;
  harness: Harness;
  /** The harness calls `number`, the runtime answers the call, and the caller hears it answered. */
  answeredCall(number: string): Promise<CallerLeg>;
  /** Drops the runtime's events socket without a close frame; resolves with how many were cut. */
  dropRuntimeSocket(): Promise<number>;
  close(): Promise<void>;
}

function client(url: string, app: string): AriClient {
  const target = inject('telephony');
  return createAriClient({
    transport: httpTransport({ url, username: target.username, password: target.password }),
    app,
    reconnect: { initialDelayMs: 50, maxDelayMs: 1000 },
  });
}

/** The runtime stand-in and the harness, each on its own events socket, as in production. */
export async function openSession(): Promise<Session> {
  const target = inject('telephony');
  const cutter = await startEventSocketCutter(new URL(target.url));
  const runtimeAri = client(cutter.url, TEST_DIALPLAN.runtimeApp);
  const harnessAri = client(target.url, TEST_DIALPLAN.harnessApp);
  await Promise.all([runtimeAri.connect(), harnessAri.connect()]);
  const harness = new Harness({ ari: harnessAri });
  const runtime = new RuntimeApp(runtimeAri);
  return {
    target,
    runtime,
    harness,
    async answeredCall(number) {
      const call = await harness.call(number);
      const start = await runtime.nextInbound();
      await runtimeAri.channels.answer({ channelId: start.channel.id });
      await call.answered();
      return call;
    },
    dropRuntimeSocket: () => cutter.cut(),
    async close() {
      harness.close();
      await Promise.allSettled([runtimeAri.close(), harnessAri.close()]);
      await cutter.close();
    },
  };
}
