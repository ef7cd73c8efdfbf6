import { type AriClient, ManualClock } from '@parley/ari';
import type { CallerLeg } from '@parley/harness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AriCall } from '../../src/telephony/ari-call.js';
import type { AriTelephony } from '../../src/telephony/ari-telephony.js';
import { openSimulatedCalls, type SimulatedCalls } from '../support/simulated-calls.js';

// The runtime's call port on ari-sim in-process, driven by the harness, on a hand-driven clock.
let clock: ManualClock;
let calls: SimulatedCalls;
let runtimeAri: AriClient;
let telephony: AriTelephony;

beforeEach(async () => {
  clock = new ManualClock();
  calls = await openSimulatedCalls(clock);
  ({ runtimeAri, telephony } = calls);
});
afterEach(() => calls.close());

async function answeredCall(): Promise<{ call: AriCall; caller: CallerLeg }> {
  const { call, caller, args } = await calls.answeredCall();
  expect(args).toEqual(['18005550100']);
  return { call, caller };
}

/** Runs `work` while the clock moves on in steps, as a call's time would pass. */
async function during<T>(work: Promise<T>, ms: number, step = 50): Promise<T> {
  for (let t = 0; t < ms; t += step) await clock.advance(step);
  return work;
}

describe('a call over ARI', () => {
  it('knows who called which number', async () => {
    const { call } = await answeredCall();
    expect(call.from).toBe('+15550001111');
    expect(call.to).toBe('18005550100');
  });

  it('plays a prompt to its end and the caller hears it', async () => {
    const { call, caller } = await answeredCall();
    const played = call.play(['sound:vm-goodbye']);
    await clock.advance(300);
    expect(caller.talking).toBe(true);
    await expect(during(played, 1000)).resolves.toEqual({ status: 'done' });
  });

  it('reports a prompt that cannot be played as failed', async () => {
    const { call } = await answeredCall();
    await expect(during(call.play(['sound:parley-missing']), 100)).resolves.toEqual({ status: 'failed' });
  });

  it('stops an interruptible prompt at the first key and keeps the key', async () => {
    const { call, caller } = await answeredCall();
    const played = call.play(['sound:tt-monkeys'], { interruptible: true });
    await clock.advance(500);
    await caller.press('3');
    await expect(during(played, 500)).resolves.toEqual({ status: 'interrupted', digit: '3' });
    await clock.advance(200);
    expect(call.ended).toBeUndefined();
  });

  it('stops a prompt at once when its signal is aborted, so the next one is not queued behind it', async () => {
    const { call } = await answeredCall();
    const stop = new AbortController();
    const played = call.play(['sound:tt-monkeys'], { signal: stop.signal });
    await clock.advance(500);
    stop.abort();
    await expect(during(played, 100)).resolves.toEqual({ status: 'stopped' });
    const next = call.play(['sound:vm-goodbye']);
    // vm-goodbye is 0.865 s long: done within a second only if tt-monkeys (16 s) really stopped.
    await expect(during(next, 1000)).resolves.toEqual({ status: 'done' });
  });

  it('collects digits up to the maximum, keys pressed during the prompt included', async () => {
    const { call, caller } = await answeredCall();
    const input = call.collectDigits({
      prompt: ['sound:hello-world'],
      maxDigits: 3,
      firstDigitTimeoutMs: 5000,
      interDigitTimeoutMs: 3000,
    });
    await clock.advance(200);
    await caller.press('123', { betweenMs: 100 });
    await expect(during(input, 1000)).resolves.toEqual({ status: 'digits', digits: '123', ended: 'max' });
  });

  it('ends input at a terminator, which is not part of it', async () => {
    const { call, caller } = await answeredCall();
    const input = call.collectDigits({
      maxDigits: 10,
      terminators: '#',
      firstDigitTimeoutMs: 5000,
      interDigitTimeoutMs: 3000,
    });
    await caller.press('42#');
    await expect(during(input, 1000)).resolves.toEqual({
      status: 'digits',
      digits: '42',
      ended: 'terminator',
    });
  });

  it('clears the entry on the cancel key unless it is disabled', async () => {
    const { call, caller } = await answeredCall();
    const cleared = call.collectDigits({
      maxDigits: 2,
      firstDigitTimeoutMs: 5000,
      interDigitTimeoutMs: 3000,
    });
    await caller.press('9*12');
    await expect(during(cleared, 1000)).resolves.toMatchObject({ digits: '12' });
    const literal = call.collectDigits({
      maxDigits: 2,
      cancelKey: null,
      firstDigitTimeoutMs: 5000,
      interDigitTimeoutMs: 3000,
    });
    await caller.press('9*');
    await expect(during(literal, 1000)).resolves.toMatchObject({ digits: '9*' });
  });

  it('times out when no key comes, and ends input after the inter-digit wait once one came', async () => {
    const { call, caller } = await answeredCall();
    const nothing = call.collectDigits({
      maxDigits: 4,
      firstDigitTimeoutMs: 5000,
      interDigitTimeoutMs: 2000,
    });
    await clock.advance(4900);
    let settled = false;
    void nothing.then(() => {
      settled = true;
    });
    await clock.advance(50);
    expect(settled).toBe(false);
    await expect(during(nothing, 100)).resolves.toEqual({ status: 'timeout' });

    const partial = call.collectDigits({
      maxDigits: 4,
      firstDigitTimeoutMs: 5000,
      interDigitTimeoutMs: 2000,
    });
    await caller.press('7');
    await expect(during(partial, 2500)).resolves.toEqual({
      status: 'digits',
      digits: '7',
      ended: 'interdigit',
    });
  });

  it('gives up collecting when the caller hangs up, and says who ended the call', async () => {
    const { call, caller } = await answeredCall();
    const input = call.collectDigits({ maxDigits: 4, firstDigitTimeoutMs: 5000, interDigitTimeoutMs: 2000 });
    await caller.hangup();
    await expect(during(input, 100)).resolves.toEqual({ status: 'hungup' });
    expect(call.ended).toEqual({ cause: 16, by: 'caller' });
    expect(telephony.calls.size).toBe(0);
  });

  it('hangs up from the runtime side', async () => {
    const { call, caller } = await answeredCall();
    const ends: unknown[] = [];
    call.onEnd((end) => ends.push(end));
    await call.hangup();
    await clock.advance(50);
    expect(ends).toEqual([{ cause: 16, by: 'runtime' }]);
    expect(caller.hungUp).toBe(true);
  });

  it('records the call from the side into a stored recording, prompts and keys going on meanwhile', async () => {
    const { call, caller } = await answeredCall();
    await expect(call.startRecording('ivr-test')).resolves.toEqual({ ok: true, name: 'ivr-test' });
    const played = call.play(['sound:vm-goodbye']);
    await caller.press('1');
    await expect(during(played, 1000)).resolves.toEqual({ status: 'done' });
    await clock.advance(1500);
    await call.stopRecording('ivr-test');
    await clock.advance(100);
    const stored = await runtimeAri.recordings.getStored({ recordingName: 'ivr-test' });
    expect(stored).toMatchObject({ name: 'ivr-test', format: 'wav' });
    const file = await runtimeAri.recordings.getStoredFile({ recordingName: 'ivr-test' });
    // 8 kHz 16-bit mono: the 2.5 s between start and stop, after a 44-byte header.
    expect(file.byteLength).toBeGreaterThanOrEqual(44 + 2 * 16000);
    // Stopping again (already over) is fine.
    await call.stopRecording('ivr-test');
  });

  it('sends keys to the caller and plays music on hold', async () => {
    const { call, caller } = await answeredCall();
    await call.sendDtmf('5#');
    await clock.advance(500);
    expect(caller.digitsHeard).toBe('5#');
    await call.startMusicOnHold();
    await clock.advance(2000);
    expect(caller.audioBursts).toBeGreaterThan(0);
    await call.stopMusicOnHold();
  });
});

describe('a call listening for a bot', () => {
  const turn = { startTimeoutMs: 3000, endTimeoutMs: 600 };

  it('stops the prompt when the caller speaks and hears the words once the end timeout passes', async () => {
    const { call, caller } = await answeredCall();
    const heard = call.listen({ ...turn, prompt: ['sound:tt-monkeys'] });
    await clock.advance(500);
    expect(caller.prompts).toHaveLength(1);
    await caller.say('I want to pay my bill');
    await clock.advance(100);
    // tt-monkeys plays 16 s: the prompt stopped for the speech.
    expect(caller.prompts).toEqual([]);
    let settled = false;
    void heard.then(() => {
      settled = true;
    });
    await clock.advance(400);
    expect(settled).toBe(false);
    await expect(during(heard, 300)).resolves.toEqual({ status: 'speech', text: 'I want to pay my bill' });
  });

  it('joins utterances that come within the end timeout into one', async () => {
    const { call, caller } = await answeredCall();
    const heard = call.listen(turn);
    await caller.say('pay');
    await clock.advance(400);
    await caller.say('my bill.');
    await expect(during(heard, 1000)).resolves.toEqual({ status: 'speech', text: 'pay my bill.' });
  });

  it('takes keys instead, up to the terminator, which is not part of them', async () => {
    const { call, caller } = await answeredCall();
    const heard = call.listen({ ...turn, prompt: ['sound:tt-monkeys'] });
    await clock.advance(300);
    await caller.press('12#', { betweenMs: 100 });
    await expect(during(heard, 1000)).resolves.toEqual({ status: 'dtmf', digits: '12' });
    expect(caller.prompts).toEqual([]);
  });

  it('ends keyed input after the DTMF end timeout, and ignores speech once keys came first', async () => {
    const { call, caller } = await answeredCall();
    const heard = call.listen({ ...turn, dtmfEndTimeoutMs: 2000 });
    await caller.press('4');
    await clock.advance(300);
    await caller.say('operator');
    await clock.advance(1500);
    let settled = false;
    void heard.then(() => {
      settled = true;
    });
    await clock.advance(100);
    expect(settled).toBe(false);
    await expect(during(heard, 600)).resolves.toEqual({ status: 'dtmf', digits: '4' });
  });

  it('times out when nothing comes within the start timeout, counted from the end of the prompt', async () => {
    const { call } = await answeredCall();
    // hello-world plays 1.4 s, then 3 s of start timeout.
    const heard = call.listen({ ...turn, prompt: ['sound:hello-world'] });
    let settled = false;
    void heard.then(() => {
      settled = true;
    });
    await during(Promise.resolve(), 4300);
    expect(settled).toBe(false);
    await expect(during(heard, 300)).resolves.toEqual({ status: 'timeout' });
  });

  it('does not hear what was said before it began, nor other user events', async () => {
    const { call, caller } = await answeredCall();
    await caller.say('too early');
    await clock.advance(100);
    const heard = call.listen(turn);
    await caller.ari.events.userEvent({
      eventName: 'SomethingElse',
      application: 'parley',
      source: `channel:${caller.runtimeChannelId}`,
      variables: { text: 'not speech' },
    });
    await expect(during(heard, 3200)).resolves.toEqual({ status: 'timeout' });
  });

  it('reports a prompt that cannot be played, a hang-up and a stop through its signal', async () => {
    const { call, caller } = await answeredCall();
    await expect(during(call.listen({ ...turn, prompt: ['sound:parley-missing'] }), 100)).resolves.toEqual({
      status: 'failed',
    });
    const stop = new AbortController();
    const stopped = call.listen({ ...turn, prompt: ['sound:tt-monkeys'], signal: stop.signal });
    await clock.advance(200);
    stop.abort();
    await expect(during(stopped, 100)).resolves.toEqual({ status: 'stopped' });
    const waiting = call.listen(turn);
    await caller.hangup();
    await expect(during(waiting, 100)).resolves.toEqual({ status: 'hungup' });
  });
});
