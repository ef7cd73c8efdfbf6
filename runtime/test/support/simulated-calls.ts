import type { ManualClock } from '@parley/ari';
import {
  type CallerLeg,
  openSimulatedTelephony,
  type SimulatedTelephony,
  type SimulatedTelephonyOptions,
} from '@parley/harness';
import type { AriCall } from '../../src/telephony/ari-call.js';
import { AriTelephony, type InboundCall } from '../../src/telephony/ari-telephony.js';

export interface SimulatedCalls extends SimulatedTelephony {
  /** The runtime's Stasis app: inbound calls land in `inbound`. */
  telephony: AriTelephony;
  inbound: InboundCall[];
  /** The harness calls in and the runtime answers; both ends of the answered call. */
  answeredCall(): Promise<{ call: AriCall; caller: CallerLeg; args: string[] }>;
}

/** ari-sim, the harness and the runtime's call port, in-process on `clock`. */
export async function openSimulatedCalls(
  clock: ManualClock,
  options: SimulatedTelephonyOptions = {},
): Promise<SimulatedCalls> {
  const base = await openSimulatedTelephony(clock, options);
  const inbound: InboundCall[] = [];
  const telephony = new AriTelephony(base.runtimeAri, clock, (call) => inbound.push(call));
  return {
    ...base,
    telephony,
    inbound,
    async answeredCall() {
      const caller = await base.harness.call('18005550100', { callerId: '"Ada" <+15550001111>' });
      await clock.advance(10);
      const arrived = inbound.shift();
      if (!arrived) throw new Error('no inbound call');
      await arrived.call.answer();
      const answered = caller.answered();
      await clock.advance(10);
      await answered;
      return { call: arrived.call, caller, args: arrived.args };
    },
    async close() {
      telephony.close();
      await base.close();
    },
  };
}
