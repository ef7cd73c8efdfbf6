// What the fault and contact-center rigs share around the runtime's app: its client connected as
// production connects it (request timeout, repeats) but through a relay that can cut its events
// socket as a network would, news of a client's next reconnect, a clock that counts its timers,
// and ari-sim's fault controls.
import {
  type AriClient,
  type Clock,
  createAriClient,
  httpTransport,
  systemClock,
  type TimerHandle,
} from '@parley/ari';
import { type SimControl, simControl, type TelephonyTarget } from '@parley/harness';
import { inject, type TestContext } from 'vitest';
import { startEventSocketCutter } from '../../../packages/harness/e2e/support/tcp-proxy.js';
import './telephony.js';
import { RUNTIME_ARI } from '../../src/host/telephony.js';

/** The system clock, counting the timers set on it and not yet fired or cleared. */
export class CountingClock implements Clock {
  readonly pending = new Set<TimerHandle>();
  now(): number {
    return systemClock.now();
  }
  setTimeout(callback: () => void, ms: number): TimerHandle {
    const handle = systemClock.setTimeout(() => {
      this.pending.delete(handle);
      callback();
    }, ms);
    this.pending.add(handle);
    return handle;
  }
  clearTimeout(handle: TimerHandle): void {
    this.pending.delete(handle);
    systemClock.clearTimeout(handle);
  }
}

export interface CuttableAri {
  /** The runtime's app (`parley`), connected. */
  ari: AriClient;
  /** Cuts the events socket without a close frame; resolves with how many, once Asterisk knows. */
  cut(): Promise<number>;
  close(): Promise<void>;
}

export async function connectCuttableAri(
  target: TelephonyTarget,
  options: {
    /** The REST timeout; production's unless told (hung requests cost this much each). */
    requestTimeoutMs?: number;
    /** How long the events socket stays down after a cut before the first reconnect. */
    reconnectDelayMs?: number;
  } = {},
): Promise<CuttableAri> {
  const cutter = await startEventSocketCutter(new URL(target.url));
  const requestTimeoutMs = options.requestTimeoutMs ?? RUNTIME_ARI.requestTimeoutMs;
  const delayMs = options.reconnectDelayMs ?? 100;
  const ari = createAriClient({
    transport: httpTransport(
      { url: cutter.url, username: target.username, password: target.password },
      { requestTimeoutMs },
    ),
    app: 'parley',
    requestTimeoutMs,
    retry: RUNTIME_ARI.retry,
    // The cap bounds the first delay too: below it, the socket would come back sooner than asked.
    reconnect: { initialDelayMs: delayMs, maxDelayMs: Math.max(delayMs, 1000) },
  });
  await ari.connect();
  return {
    ari,
    cut: () => cutter.cut(),
    async close() {
      ari.close();
      await cutter.close();
    },
  };
}

/** Resolves at the client's next reconnect. */
export function nextReconnect(ari: AriClient): Promise<void> {
  return new Promise((resolve) => {
    const off = ari.onLifecycle((e) => {
      if (e.type !== 'reconnected') return;
      off();
      resolve();
    });
  });
}

/** ari-sim's fault controls (restart, failing commands), or a clean skip against a real Asterisk. */
export function simFaults(ctx: TestContext): SimControl {
  const control = simControl(inject('telephony'));
  if (!control) ctx.skip('needs ari-sim fault controls; a real Asterisk (PARLEY_TEST_ARI_URL) has none');
  return control as SimControl;
}
