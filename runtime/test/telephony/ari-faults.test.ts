import { type AriClient, ManualClock } from '@parley/ari';
import type { AriSim } from '@parley/ari-sim';
import type { CallerLeg } from '@parley/harness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AriAgentLines } from '../../src/center/lines.js';
import { RUNTIME_ARI } from '../../src/host/telephony.js';
import type { AriCall } from '../../src/telephony/ari-call.js';
import { RESTART_CAUSE } from '../../src/telephony/restarts.js';
import { openSimulatedCalls, type SimulatedCalls } from '../support/simulated-calls.js';

// The runtime's call port when Asterisk misbehaves: ari-sim's injected faults, in-process, on a
// hand-driven clock, with the runtime's own client settings (request timeout and retries).
let clock: ManualClock;
let calls: SimulatedCalls;
let sim: AriSim;
let runtimeAri: AriClient;

beforeEach(async () => {
  clock = new ManualClock();
  // Reconnects come late, so events raised meanwhile are surely lost.
  calls = await openSimulatedCalls(clock, {
    runtime: { ...RUNTIME_ARI, reconnect: { initialDelayMs: 30_000 } },
  });
  ({ sim, runtimeAri } = calls);
});
afterEach(() => calls.close());

async function answeredCall(): Promise<{ call: AriCall; caller: CallerLeg }> {
  const { call, caller } = await calls.answeredCall();
  return { call, caller };
}

/** Runs `work` while the clock moves on in steps, as a call's time would pass. */
async function during<T>(work: Promise<T>, ms: number, step = 50): Promise<T> {
  for (let t = 0; t < ms; t += step) await clock.advance(step);
  return work;
}

/** Playbacks the caller heard start (the harness sees the runtime's half of the call). */
function promptsStarted(caller: CallerLeg): () => number {
  let started = 0;
  // Gone with the harness's client when the test closes it.
  calls.harnessAri.on('PlaybackStarted', (e) => {
    if (e.playback.target_uri === `channel:${caller.runtimeChannelId}`) started++;
  });
  return () => started;
}

describe('a call whose commands Asterisk refuses', () => {
  it('plays the prompt once after Asterisk answered the play with a 5xx', async () => {
    const { call, caller } = await answeredCall();
    const started = promptsStarted(caller);
    sim.faults.add({ operation: 'channels.playWithId', user: 'parley', fault: { status: 503 } });
    await expect(during(call.play(['sound:vm-goodbye']), 2000)).resolves.toEqual({ status: 'done' });
    expect(started()).toBe(1);
  });

  it('plays the prompt once when the answer to the play was lost, finding it by its id', async () => {
    const { call, caller } = await answeredCall();
    const started = promptsStarted(caller);
    sim.faults.add({ operation: 'channels.playWithId', user: 'parley', fault: { loseAnswer: true } });
    const played = call.play(['sound:tt-monkeys']);
    // tt-monkeys plays 16 s; the lost answer costs the request timeout, then the look-up finds it.
    await clock.advance(RUNTIME_ARI.requestTimeoutMs + 1000);
    expect(started()).toBe(1);
    await expect(during(played, 16_000, 500)).resolves.toEqual({ status: 'done' });
    expect(started()).toBe(1);
  });

  it('reports a play Asterisk keeps refusing as failed with its answer, and the call stays up', async () => {
    const { call } = await answeredCall();
    const listeners = runtimeAri.listenerCount;
    sim.faults.add({
      operation: 'channels.playWithId',
      user: 'parley',
      times: RUNTIME_ARI.retry.attempts,
      fault: { status: 500, message: 'Failed to queue media for playback' },
    });
    const played = await during(call.play(['sound:vm-goodbye']), 5000);
    expect(played).toEqual({
      status: 'failed',
      reason: 'Asterisk answered 500 (Failed to queue media for playback) to channels.playWithId',
    });
    expect(call.ended).toBeUndefined();
    expect(runtimeAri.listenerCount).toBe(listeners);
    await expect(during(call.play(['sound:vm-goodbye']), 2000)).resolves.toEqual({ status: 'done' });
  });

  it('reports a play that never gets an answer as failed once the tries are spent', async () => {
    const { call } = await answeredCall();
    sim.faults.add({
      operation: '*',
      user: 'parley',
      times: 2 * RUNTIME_ARI.retry.attempts,
      fault: { hang: true },
    });
    const played = await during(call.play(['sound:vm-goodbye']), 4 * RUNTIME_ARI.requestTimeoutMs, 500);
    expect(played).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^no answer from Asterisk/),
    });
    expect(call.ended).toBeUndefined();
  });

  it('ends the call as the caller hung up when a command finds the channel gone and no news of it comes', async () => {
    const { call } = await answeredCall();
    sim.faults.add({
      operation: 'channels.playWithId',
      user: 'parley',
      fault: { status: 404, message: 'Channel not found' },
    });
    const played = call.play(['sound:vm-goodbye']);
    await clock.advance(1000);
    expect(call.ended).toBeUndefined();
    await expect(during(played, 2000)).resolves.toEqual({ status: 'hungup' });
    expect(call.ended).toEqual({ cause: undefined, by: 'caller' });
  });

  it('stops waiting on a command for a call the caller has left, and the play leaves nothing behind', async () => {
    const listeners = runtimeAri.listenerCount;
    const { call, caller } = await answeredCall();
    sim.faults.add({ operation: 'channels.playWithId', user: 'parley', fault: { hang: true } });
    const played = call.play(['sound:vm-goodbye']);
    await clock.advance(100);
    await caller.hangup();
    // Well inside the request timeout: the unanswered play is given up with the call.
    await expect(during(played, 200)).resolves.toEqual({ status: 'hungup' });
    expect(runtimeAri.listenerCount).toBe(listeners);
    expect(clock.pendingTimers).toBe(0);
  });

  it('can try a refused hang-up again, and the hang-up is then the runtime own', async () => {
    const { call, caller } = await answeredCall();
    sim.faults.add({
      operation: 'channels.hangup',
      user: 'parley',
      times: RUNTIME_ARI.retry.attempts,
      fault: { status: 500 },
    });
    const refused = call.hangup().catch((error: unknown) => error);
    await expect(during(refused, 3000)).resolves.toMatchObject({ status: 500 });
    expect(caller.hungUp).toBe(false);
    await call.hangup();
    await clock.advance(50);
    expect(call.ended).toEqual({ cause: 16, by: 'runtime' });
  });
});

describe('a call whose events were lost while the events socket was down', () => {
  it('finishes a prompt whose end it never heard once it asks Asterisk', async () => {
    const { call } = await answeredCall();
    const played = call.play(['sound:vm-goodbye']);
    await clock.advance(100);
    expect(sim.dropEventSockets(['parley'])).toBe(1);
    // vm-goodbye ends meanwhile, long before the reconnect.
    await clock.advance(2000);
    let settled = false;
    void played.then(() => {
      settled = true;
    });
    await clock.advance(0);
    expect(settled).toBe(false);
    await call.resync();
    await expect(played).resolves.toEqual({ status: 'done' });
  });

  it('keeps waiting for a prompt that is still playing', async () => {
    const { call } = await answeredCall();
    const played = call.play(['sound:tt-monkeys']);
    await clock.advance(100);
    sim.dropEventSockets(['parley']);
    await clock.advance(1000);
    await call.resync();
    let settled = false;
    void played.then(() => {
      settled = true;
    });
    await clock.advance(0);
    expect(settled).toBe(false);
    await clock.advance(16_000);
    await call.resync();
    await expect(played).resolves.toEqual({ status: 'done' });
  });
});

describe('the runtime app once its events socket is back', () => {
  /** Resolves at the next reconnect, when the telephony resynchronises. */
  const reconnected = () =>
    new Promise<void>((resolve) => {
      const off = runtimeAri.onLifecycle((e) => {
        if (e.type !== 'reconnected') return;
        off();
        resolve();
      });
    });

  it('lets every call still up continue: a prompt that ended meanwhile finishes', async () => {
    const first = await answeredCall();
    const second = await answeredCall();
    const plays = [first.call.play(['sound:vm-goodbye']), second.call.play(['sound:hello-world'])];
    await clock.advance(100);
    sim.dropEventSockets(['parley']);
    const back = reconnected();
    await clock.advance(31_000);
    await back;
    await expect(during(Promise.all(plays), 500)).resolves.toEqual([{ status: 'done' }, { status: 'done' }]);
    expect(calls.telephony.calls.size).toBe(2);
    expect([first.call.ended, second.call.ended]).toEqual([undefined, undefined]);
  });

  it('ends the calls whose callers hung up meanwhile as theirs', async () => {
    const { call, caller } = await answeredCall();
    const waiting = call.collectDigits({
      maxDigits: 1,
      firstDigitTimeoutMs: 60_000,
      interDigitTimeoutMs: 1000,
    });
    sim.dropEventSockets(['parley']);
    await caller.hangup();
    await clock.advance(31_000);
    await expect(during(waiting, 500)).resolves.toEqual({ status: 'hungup' });
    expect(call.ended).toEqual({ cause: undefined, by: 'caller' });
    expect(calls.telephony.calls.size).toBe(0);
  });

  it('ends every call with a network cause when Asterisk restarted meanwhile', async () => {
    const { call } = await answeredCall();
    const played = call.play(['sound:tt-monkeys']);
    await clock.advance(100);
    await sim.restart();
    await clock.advance(31_000);
    await expect(during(played, 500)).resolves.toEqual({ status: 'hungup' });
    expect(call.ended).toEqual({ cause: RESTART_CAUSE, by: 'caller' });
    expect(calls.telephony.calls.size).toBe(0);
  });

  it('asks again when Asterisk refuses the resynchronisation itself', async () => {
    const { call } = await answeredCall();
    const played = call.play(['sound:vm-goodbye']);
    await clock.advance(100);
    sim.dropEventSockets(['parley']);
    sim.faults.add({
      operation: 'applications.get',
      user: 'parley',
      times: RUNTIME_ARI.retry.attempts,
      fault: { status: 503 },
    });
    await clock.advance(31_000);
    expect(sim.faults.pending()).toEqual([]);
    await expect(during(played, 2000)).resolves.toEqual({ status: 'done' });
  });
});

describe('a call whose command was cut off by Asterisk going down', () => {
  it('ends as hung up once the resynchronisation finds Asterisk restarted, instead of failing the block', async () => {
    const { call } = await answeredCall();
    sim.faults.add({ operation: 'channels.playWithId', user: 'parley', fault: { hang: true } });
    const played = call.play(['sound:vm-goodbye']);
    await clock.advance(100);
    // Down for longer than the play's tries: every one of them finds nobody listening.
    void sim.restart({ downMs: 20_000 });
    await clock.advance(31_000);
    await expect(during(played, 500)).resolves.toEqual({ status: 'hungup' });
    expect(call.ended).toEqual({ cause: RESTART_CAUSE, by: 'caller' });
  });
});

describe('agent legs once the events socket is back', () => {
  const endpoint = 'Local/1001@test-agents/n';

  it('settle a dial whose leg ended while the socket was down, instead of ringing on for good', async () => {
    const lines = new AriAgentLines(runtimeAri, clock);
    // Answered while the runtime's app is unregistered: Stasis fails and the leg hangs up.
    calls.harness.phone('agent', '1001', { answer: { ringMs: 1000 } });
    const dialled = lines.dial(endpoint, { timeoutSeconds: 30, tag: 't1' });
    await clock.advance(100);
    sim.dropEventSockets(['parley']);
    await clock.advance(31_000);
    await expect(dialled).resolves.toEqual({ ok: false, reason: 'failed' });
    expect(sim.channels()).toEqual([]);
  });

  /** An agent leg the agent's phone answered, on new lines. */
  async function answeredLeg(tag: string) {
    const lines = new AriAgentLines(runtimeAri, clock);
    calls.harness.phone('agent', '1001', { answer: { ringMs: 100 } });
    const phone = calls.harness.incoming('agent', '1001');
    const dialled = lines.dial(endpoint, { timeoutSeconds: 30, tag });
    await clock.advance(500);
    const outcome = await dialled;
    if (!outcome.ok) throw new Error(`dial failed: ${outcome.reason}`);
    return { lines, phone, call: outcome.call };
  }

  it('end an answered leg whose agent hung up while the socket was down', async () => {
    const { phone, call } = await answeredLeg('t2');
    sim.dropEventSockets(['parley']);
    await (await phone).hangup();
    await clock.advance(31_000);
    expect(call.ended).toEqual({ cause: undefined, by: 'caller' });
  });

  it('end an answered leg with a network cause when Asterisk restarted meanwhile', async () => {
    const { call } = await answeredLeg('t4');
    await sim.restart();
    await clock.advance(31_000);
    expect(call.ended).toEqual({ cause: RESTART_CAUSE, by: 'caller' });
  });

  it("settle a ringing dial that Asterisk's restart took as lost, which is not the agent missing it", async () => {
    const lines = new AriAgentLines(runtimeAri, clock);
    calls.harness.phone('agent', '1001', { answer: { ringMs: 20_000 } });
    const dialled = lines.dial(endpoint, { timeoutSeconds: 30, tag: 't5' });
    await clock.advance(100);
    await sim.restart();
    await clock.advance(31_000);
    await expect(dialled).resolves.toEqual({ ok: false, reason: 'lost' });
  });

  it('are no longer checked after a reconnect once the lines are closed, as the client outlives them', async () => {
    const { lines, phone, call } = await answeredLeg('t3');
    lines.close();
    sim.dropEventSockets(['parley']);
    await (await phone).hangup();
    await clock.advance(31_000);
    expect(call.ended).toBeUndefined();
  });
});
