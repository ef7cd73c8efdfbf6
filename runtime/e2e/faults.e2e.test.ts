/**
 * Faults while calls run (issue 9, "Faults"): the runtime serves the fault flows over real sockets
 * and the harness calls in, against ari-sim as a server or a real Asterisk (PARLEY_TEST_ARI_URL).
 * Cutting the runtime's events socket works against both (a TCP relay drops it); failing commands
 * and restarting Asterisk need ari-sim's controls, and those tests skip against a real Asterisk.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@parley/ari';
import { simControl } from '@parley/harness';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ContactRun } from '../src/contact/runner.js';
import { EspeakEngine, TextToSpeech } from '../src/integrations/tts.js';
import { eventually, type FaultRig, openFaultRig } from './support/fault-rig.js';
import { CountingClock, simFaults } from './support/runtime-ari.js';

const NUMBER = '18005550140';
const control = simControl(inject('telephony'));
let rig: FaultRig | undefined;
afterEach(async () => {
  await control?.clear();
  await rig?.close();
  rig = undefined;
});

/** Identifiers of the contact's flow-log entries, in order. */
const logged = (r: FaultRig, run: ContactRun) => r.logs.forContact(run.contactId).map((e) => e.Identifier);

/** The caller waits for the menu and presses 1; the flow thanks them and hangs up. */
async function finishMenu(r: FaultRig, run: ContactRun, caller: { press(d: string): Promise<void> }) {
  await r.prompting(run, 'Menu');
  await caller.press('1');
  return run.done;
}

/** Nothing of the contacts is left: no running contact, no timer, no listener beyond the app's own. */
async function nothingLeft(r: FaultRig, listeners: number): Promise<void> {
  await eventually(() => r.serving.running.size === 0, 'every contact to close');
  await eventually(() => r.clock.pending.size === 0, 'every runtime timer to end');
  expect(r.runtimeAri.listenerCount).toBe(listeners);
}

describe('a dropped events socket', () => {
  it('reconnects and every live call continues its flow to the end, logged block by block', async () => {
    // Down for longer than the welcome prompt (1.4 s): its end is lost with the socket.
    rig = await openFaultRig({ numbers: { [NUMBER]: { kind: 'prompt' } }, reconnectDelayMs: 2000 });
    const r = rig;
    const listeners = r.runtimeAri.listenerCount;
    const calls = [];
    for (let i = 0; i < 4; i++) calls.push(await r.call(NUMBER));
    await Promise.all(calls.map(({ run }) => r.prompting(run, 'Welcome')));
    const back = r.reconnected();
    expect(await r.cutRuntimeSocket()).toBe(1);
    await back;
    const results = await Promise.all(calls.map(({ run, caller }) => finishMenu(r, run, caller)));
    const path = ['Log', 'Welcome', 'Menu', 'Thanks', 'Bye'];
    for (const [i, result] of results.entries()) {
      expect(result.path.map((p) => p.identifier)).toEqual(path);
      expect(result.end).toMatchObject({ kind: 'disconnected', by: 'flow' });
      const run = calls[i]?.run as ContactRun;
      expect(logged(r, run)).toEqual(path);
    }
    await Promise.all(calls.map(({ caller }) => caller.waitForHangup()));
    await nothingLeft(r, listeners);
    expect(r.records.records.map((c) => c.DisconnectReason)).toEqual(
      Array(4).fill('CONTACT_FLOW_DISCONNECT'),
    );
  });
});

describe('an ARI command that fails', () => {
  it('is repeated when Asterisk answers a 5xx to a play under its own id, and the flow goes on as usual', async (ctx) => {
    const faults = simFaults(ctx);
    rig = await openFaultRig({ numbers: { [NUMBER]: { kind: 'prompt' } } });
    await faults.fail({ operation: 'channels.playWithId', user: 'parley', times: 2, fault: { status: 503 } });
    await faults.fail({ operation: 'channels.answer', user: 'parley', fault: { status: 500 } });
    const { caller, run } = await rig.call(NUMBER);
    const result = await finishMenu(rig, run, caller);
    expect(result.path.map((p) => p.identifier)).toEqual(['Log', 'Welcome', 'Menu', 'Thanks', 'Bye']);
    expect(await faults.pending()).toEqual([]);
  });

  it('is repeated when it times out, the lost play found by its id instead of played twice', async (ctx) => {
    const faults = simFaults(ctx);
    rig = await openFaultRig({ numbers: { [NUMBER]: { kind: 'prompt' } }, requestTimeoutMs: 500 });
    await faults.fail({ operation: 'channels.playWithId', user: 'parley', fault: { loseAnswer: true } });
    await faults.fail({ operation: 'channels.playWithId', user: 'parley', fault: { hang: true } });
    const { caller, run } = await rig.call(NUMBER);
    const started: string[] = [];
    rig.harness.ari.on('PlaybackStarted', (e) => {
      if (e.playback.target_uri === `channel:${caller.runtimeChannelId}`) started.push(e.playback.media_uri);
    });
    const result = await finishMenu(rig, run, caller);
    expect(result.path.map((p) => p.identifier)).toEqual(['Log', 'Welcome', 'Menu', 'Thanks', 'Bye']);
    // The welcome prompt's lost answer was found by its id; the hung menu prompt was sent again.
    expect(started.filter((m) => m === 'sound:hello-world')).toHaveLength(1);
  });

  it("takes the block's error branch once the repeats are spent, and the call goes on", async (ctx) => {
    const faults = simFaults(ctx);
    rig = await openFaultRig({ numbers: { [NUMBER]: { kind: 'prompt' } } });
    const listeners = rig.runtimeAri.listenerCount;
    await faults.fail({
      operation: 'channels.playWithId',
      user: 'parley',
      times: 3,
      fault: { status: 500, message: 'Failed to queue media for playback' },
    });
    const { caller, run } = await rig.call(NUMBER);
    const result = await finishMenu(rig, run, caller);
    expect(result.path.map((p) => p.identifier)).toEqual([
      'Log',
      'Welcome',
      'Sorry',
      'Menu',
      'Thanks',
      'Bye',
    ]);
    const welcome = rig.logs.forContact(run.contactId).find((e) => e.Identifier === 'Welcome');
    expect(welcome?.Results).toMatch(
      /^ENGINE_TELEPHONY_FAILED: .*Asterisk answered 500 \(Failed to queue media/,
    );
    await caller.waitForHangup();
    await nothingLeft(rig, listeners);
  });
});

describe('an Asterisk restart', () => {
  it('closes the calls it took with records and flow logs, leaves nothing behind and takes new calls', async (ctx) => {
    const faults = simFaults(ctx);
    rig = await openFaultRig({ numbers: { [NUMBER]: { kind: 'prompt' } } });
    const r = rig;
    const listeners = r.runtimeAri.listenerCount;
    const calls = [await r.call(NUMBER), await r.call(NUMBER)];
    await Promise.all(calls.map(({ run }) => r.prompting(run, 'Menu')));
    // The third starts once two wait in the menu, so the restart finds it a whole welcome prompt
    // (1.4 s) from its end, however slow the machine was up to here.
    const third = await r.call(NUMBER);
    calls.push(third);
    await r.prompting(third.run, 'Welcome');
    // Both apps lose their sockets; the next call needs the harness's back too.
    const back = Promise.all([r.reconnected('runtime'), r.reconnected('harness')]);
    const before = calls.map(({ run }) => logged(r, run));
    await faults.restart(300);
    await back;
    const results = await Promise.all(calls.map(({ run }) => run.closed));
    expect(results.map((c) => c.DisconnectReason)).toEqual(Array(3).fill('TELECOM_PROBLEM'));
    for (const [i, { run }] of calls.entries()) {
      expect((await run.done).end).toMatchObject({ kind: 'disconnected', by: 'caller' });
      // The blocks that completed; the one the restart cut off is not among them.
      expect(logged(r, run)).toEqual(before[i]);
      expect(logged(r, run).slice(0, 1)).toEqual(['Log']);
    }
    expect(before).toEqual([['Log', 'Welcome'], ['Log', 'Welcome'], ['Log']]);
    expect(r.records.records.map((c) => c.ContactId).sort()).toEqual(
      calls.map((c) => c.run.contactId).sort(),
    );
    await nothingLeft(r, listeners);

    const after = await r.call(NUMBER);
    const result = await finishMenu(r, after.run, after.caller);
    expect(result.path.map((p) => p.identifier)).toEqual(['Log', 'Welcome', 'Menu', 'Thanks', 'Bye']);
  });
});

describe('a Lambda function that misbehaves inside a live call', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('takes the error branch at the time limit or at once, and the call goes on', async () => {
    const hits = new Map<string, number>();
    server = createServer((req, res) => {
      const mode = req.url?.slice(1) ?? '';
      hits.set(mode, (hits.get(mode) ?? 0) + 1);
      req.resume();
      if (mode === 'hang') return; // never answers
      if (mode === 'fail') {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"errorMessage":"boom"}');
        return;
      }
      const body = mode === 'garbage' ? '{"name": "Ada",' : JSON.stringify({ blob: 'x'.repeat(40_000) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const modes = ['hang', 'fail', 'garbage', 'huge'] as const;
    const arn = (mode: string) => `arn:aws:lambda:us-east-1:000000000000:function:faulty-${mode}`;
    const numbers = Object.fromEntries(
      modes.map((mode, i) => [
        `1800555015${i}`,
        { kind: 'lambda' as const, functionArn: arn(mode), timeLimitSeconds: 2 },
      ]),
    );
    // The time limits run on a clock of their own, so the test moves them on by hand.
    const lambdaClock = new ManualClock(Date.now());
    rig = await openFaultRig({
      numbers,
      lambdaClock,
      functions: modes.map((mode) => ({
        arn: arn(mode),
        resource: { kind: 'http', url: `http://127.0.0.1:${port}/${mode}` },
      })),
    });
    const r = rig;
    const calls = [];
    for (const number of Object.keys(numbers)) calls.push(await r.call(number));
    const [hang, ...others] = calls;
    if (!hang) throw new Error('no call');
    // The three that fail at once are in the menu; a 500 was tried again, as Connect does.
    await Promise.all(others.map(({ run }) => r.prompting(run, 'Sorry')));
    expect(hits.get('fail')).toBe(4);
    // The hung one is still in its Lambda block until its 2 s pass on its clock.
    await eventually(() => hits.get('hang') === 1, 'the hanging function to be called');
    await lambdaClock.advance(1999);
    expect(logged(r, hang.run)).toEqual(['Log']);
    await lambdaClock.advance(1);
    await r.prompting(hang.run, 'Sorry');

    const results = await Promise.all(calls.map(({ run, caller }) => finishMenu(r, run, caller)));
    for (const [i, result] of results.entries()) {
      expect(result.path.map((p) => p.identifier)).toEqual([
        'Log',
        'Lookup',
        'Sorry',
        'Menu',
        'Thanks',
        'Bye',
      ]);
      const lookup = r.logs.forContact(calls[i]?.run.contactId ?? '').find((e) => e.Identifier === 'Lookup');
      expect(lookup?.Results).toBe('The Lambda Function Returned An Error.');
    }
  });
});

describe('a text-to-speech engine that fails inside a live call', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it.each([
    ['is missing', (d: string) => join(d, 'no-such-espeak')],
    [
      'never finishes',
      (d: string) => {
        const script = join(d, 'stuck-espeak');
        writeFileSync(script, '#!/bin/sh\nexec sleep 60\n');
        chmodSync(script, 0o755);
        return script;
      },
    ],
  ])('takes the error branch when the engine %s, and the call goes on', async (_what, command) => {
    dir = mkdtempSync(join(tmpdir(), 'parley-tts-fault-'));
    const ttsClock = new CountingClock();
    const voice = new TextToSpeech({
      cacheDir: join(dir, 'tts'),
      clock: ttsClock,
      engine: new EspeakEngine({
        command: command(dir),
        clock: ttsClock,
        timeoutMs: 500,
        workDir: join(dir, 'tts'),
      }),
    });
    rig = await openFaultRig({
      numbers: { [NUMBER]: { kind: 'speech', text: 'Welcome to Parley.' } },
      voice,
    });
    const { caller, run } = await rig.call(NUMBER);
    const result = await finishMenu(rig, run, caller);
    expect(result.path.map((p) => p.identifier)).toEqual([
      'Log',
      'Greeting',
      'Sorry',
      'Menu',
      'Thanks',
      'Bye',
    ]);
    const greeting = rig.logs.forContact(run.contactId).find((e) => e.Identifier === 'Greeting');
    expect(greeting?.Results).toMatch(/^TTS_ENGINE_(MISSING|FAILED): /);
  });
});
