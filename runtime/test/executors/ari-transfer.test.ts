import { type AriClient, ManualClock } from '@parley/ari';
import type { Harness } from '@parley/harness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AriCall } from '../../src/telephony/ari-call.js';
import type { TransferOutcome } from '../../src/telephony/port.js';
import { openSimulatedCalls, type SimulatedCalls } from '../support/simulated-calls.js';

// Transfers to an external number over ARI: ari-sim in-process, the harness as caller and PSTN.
let clock: ManualClock;
let calls: SimulatedCalls;
let runtimeAri: AriClient;
let harness: Harness;

beforeEach(async () => {
  clock = new ManualClock();
  calls = await openSimulatedCalls(clock);
  ({ runtimeAri, harness } = calls);
});
afterEach(() => calls.close());

const answeredCall = () => calls.answeredCall();

/** Lets call time pass until `work` settles. */
async function until<T>(work: Promise<T>, limitMs = 120_000, step = 100): Promise<T> {
  let done = false;
  void work.finally(() => {
    done = true;
  });
  for (let t = 0; !done && t < limitMs; t += step) await clock.advance(step);
  return work;
}

const NUMBER = '+18005550199';

describe('a transfer to an external number over ARI', () => {
  it('bridges the caller with the number once it answers, sends it keys, and ends when it hangs up', async () => {
    const { call } = await answeredCall();
    harness.phone('pstn', NUMBER, { answer: { ringMs: 300 } });
    let outcome: TransferOutcome | undefined;
    const transfer = call.transferToNumber(NUMBER, {
      timeoutSeconds: 30,
      callerId: '+15550001111',
      dtmf: '1,2',
    });
    void transfer.then((o) => {
      outcome = o;
    });
    const phone = await until(harness.incoming('pstn', NUMBER));
    await until(phone.waitForAnswer());
    await until(phone.waitForDigits(2));
    expect(phone.digitsHeard).toBe('12');
    const bridges = await runtimeAri.bridges.list();
    expect(bridges).toHaveLength(1);
    expect(bridges[0]?.bridge_type).toBe('mixing');
    expect(bridges[0]?.channels).toHaveLength(2);
    expect(bridges[0]?.channels).toContain(call.channelId);
    expect(outcome).toBeUndefined();

    await phone.hangup();
    expect(await until(transfer)).toBe('answered');
    await clock.advance(100);
    expect(call.ended).toBeUndefined();
    expect(await runtimeAri.bridges.list()).toEqual([]);
  });

  it('reports a busy number as busy', async () => {
    const { call } = await answeredCall();
    harness.phone('pstn', NUMBER, { reject: 'busy' });
    expect(await until(call.transferToNumber(NUMBER, { timeoutSeconds: 30 }))).toBe('busy');
    expect(call.ended).toBeUndefined();
  });

  it('gives up on a number that rings past the time limit', async () => {
    const { call } = await answeredCall();
    harness.phone('pstn', NUMBER, 'ignore');
    expect(await until(call.transferToNumber(NUMBER, { timeoutSeconds: 2 }))).toBe('noAnswer');
    expect(call.ended).toBeUndefined();
  });

  it('hangs up the third party when the caller leaves first', async () => {
    const { call, caller } = await answeredCall();
    harness.phone('pstn', NUMBER, { answer: { ringMs: 100 } });
    const transfer = call.transferToNumber(NUMBER, { timeoutSeconds: 30 });
    const phone = await until(harness.incoming('pstn', NUMBER));
    await until(phone.waitForAnswer());
    await caller.hangup();
    expect(await until(transfer)).toBe('answered');
    await until(phone.waitForHangup());
    expect(call.ended?.by).toBe('caller');
  });

  it('fails at once for a number the configured endpoint cannot reach', async () => {
    const { call } = await answeredCall();
    const elsewhere = new AriCall(
      runtimeAri,
      clock,
      { id: call.channelId, caller: { number: call.from }, dialplan: { exten: call.to } },
      { pstnEndpoint: 'Local/{number}@no-such-context/n' },
    );
    expect(await until(elsewhere.transferToNumber(NUMBER, { timeoutSeconds: 30 }))).toBe('failed');
    elsewhere.dispose();
  });
});
