import type { FaultRule } from '@parley/ari-sim';
import type { TelephonyTarget } from './config.js';

/** What a test can do to the telephony beyond ARI: only ari-sim has these controls. */
export interface SimControl {
  /** Arms a fault for the next matching REST requests (ari-sim's `FaultRule`). */
  fail(rule: FaultRule): Promise<void>;
  /** Armed rules with how many requests each still takes. */
  pending(): Promise<(FaultRule & { left: number })[]>;
  clear(): Promise<void>;
  /** Drops the events sockets of these apps (all when absent) without a close frame. */
  dropEventSockets(apps?: readonly string[]): Promise<number>;
  /** Restarts the simulated Asterisk; resolves once it takes connections again. */
  restart(downMs?: number): Promise<void>;
}

/**
 * The ari-sim control routes (`/ari-sim/…`, beside `/ari`) of the suite's telephony, or undefined
 * against a real Asterisk, which has none: tests that need them skip there.
 */
export function simControl(target: TelephonyTarget): SimControl | undefined {
  if (target.kind !== 'ari-sim') return undefined;
  const authorization = `Basic ${Buffer.from(`${target.username}:${target.password}`).toString('base64')}`;
  const send = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(new URL(`/ari-sim/${path}`, target.url), {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`ari-sim ${method} /ari-sim/${path} answered ${res.status}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  return {
    async fail({ fault, ...rule }) {
      await send('POST', 'faults', { ...rule, ...fault });
    },
    pending: async () => (await send('GET', 'faults')) as (FaultRule & { left: number })[],
    async clear() {
      await send('DELETE', 'faults');
    },
    async dropEventSockets(apps) {
      const { dropped } = (await send('POST', 'events/drop', apps ? { apps } : {})) as { dropped: number };
      return dropped;
    },
    async restart(downMs = 0) {
      await send('POST', 'restart', { downMs });
    },
  };
}
