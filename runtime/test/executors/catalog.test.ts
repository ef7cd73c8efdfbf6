import { CATALOG, compile, PURE_DECIDERS, startFlow, toModel } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import {
  bindExecutors,
  createExecutors,
  NOT_PROVIDED,
  RECORDING_NOT_YET,
} from '../../src/executors/index.js';
import { contact, runBlock, SALES, world } from './support.js';

describe('the executor set', () => {
  it('has an executor for every block type of the catalog, and nothing else', () => {
    expect(Object.keys(createExecutors()).sort()).toEqual([...CATALOG.keys()].sort());
  });

  it.each(Object.entries(NOT_PROVIDED))('sends %s to its error branch, naming %s', async (type, service) => {
    const w = world();
    const step = await runBlock(w, { Type: type });
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(step.log?.results).toBe(
      `ENGINE_NO_EXECUTOR: Parley does not provide ${service}: ${type} takes its error branch`,
    );
    expect(w.call.plays).toEqual([]);
  });

  it('sends legacy and unverified names to the error branch, saying what they are', async () => {
    const w = world();
    const legacy = await runBlock(w, { Type: 'PlayPrompt' });
    expect(legacy.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(legacy.log?.results).toMatch(/^ENGINE_NO_EXECUTOR: PlayPrompt is a pre-2019 module type/);
    const unverified = await runBlock(w, { Type: 'SendNotification' });
    expect(unverified.log?.results).toBe(
      'ENGINE_NO_EXECUTOR: SendNotification is not a verified Flow-language action; Parley does not run it',
    );
  });

  it('runs the engine’s pure deciders with the runtime’s instance and clock', async () => {
    const w = world();
    const queue = await runBlock(w, { Type: 'UpdateContactTargetQueue', Parameters: { QueueId: 'q-sales' } });
    expect(queue.outcome).toEqual({ kind: 'next' });
    expect(queue.contactPatch?.targetQueue?.arn).toBe(SALES.arn);
    const hours = await runBlock(w, {
      Type: 'CheckHoursOfOperation',
      Parameters: { HoursOfOperationId: 'h-office' },
    });
    expect(hours.outcome).toEqual({ kind: 'condition', value: 'True' });
    const c = contact({ Attributes: { tier: 'gold' } });
    const compare = await runBlock(
      w,
      { Type: 'Compare', Parameters: { ComparisonValue: '$.Attributes.tier' } },
      { contact: c },
    );
    expect(compare.outcome).toEqual({ kind: 'condition', value: 'gold' });
    for (const type of Object.keys(PURE_DECIDERS)) expect(createExecutors()[type]).toBeTypeOf('function');
  });
});

describe('recording settings', () => {
  it('keep who is recorded on the contact and say recording itself is not done yet', async () => {
    const w = world();
    const step = await runBlock(w, {
      Type: 'UpdateContactRecordingBehavior',
      Parameters: { RecordingBehavior: { RecordedParticipants: ['Agent', 'Customer'] } },
    });
    expect(step.outcome).toEqual({ kind: 'next' });
    expect(step.contactPatch?.recording).toEqual({ participants: ['Agent', 'Customer'] });
    expect(step.log?.results).toBe(RECORDING_NOT_YET);
    const bad = await runBlock(w, {
      Type: 'UpdateContactRecordingBehavior',
      Parameters: { RecordingBehavior: { RecordedParticipants: ['Supervisor'] } },
    });
    expect(bad.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
  });

  it('read the per-channel block’s voice behavior, and take ChannelMismatch for chat behavior on a call', async () => {
    const w = world();
    const voice = await runBlock(w, {
      Type: 'UpdateContactRecordingAndAnalyticsBehavior',
      Parameters: {
        VoiceBehavior: {
          VoiceRecordingBehavior: { RecordedParticipants: ['Customer'], IVRRecordingBehavior: 'Enabled' },
          VoiceAnalyticsBehavior: { Enabled: 'True' },
        },
      },
    });
    expect(voice.outcome).toEqual({ kind: 'next' });
    expect(voice.contactPatch?.recording).toEqual({
      participants: ['Customer'],
      ivr: 'Enabled',
      analytics: { Enabled: 'True' },
    });
    expect(voice.log?.results).toBe(`IVR recording started (ivr-${contact().ContactId})`);
    expect(w.call.recordings).toEqual([`start ivr-${contact().ContactId}`]);
    const chat = await runBlock(w, {
      Type: 'UpdateContactRecordingAndAnalyticsBehavior',
      Parameters: { ChatBehavior: { ChatAnalyticsBehavior: { Enabled: 'True' } } },
    });
    expect(chat.outcome).toEqual({ kind: 'error', errorType: 'ChannelMismatch' });
  });
});

describe('IVR recording', () => {
  const ivr = (value: 'Enabled' | 'Disabled') => ({
    Type: 'UpdateContactRecordingBehavior',
    Parameters: { RecordingBehavior: { RecordedParticipants: [], IVRRecordingBehavior: value } },
  });

  it('starts when enabled, is not started twice, and stops when disabled', async () => {
    const w = world();
    const name = `ivr-${contact().ContactId}`;
    const started = await runBlock(w, ivr('Enabled'));
    expect(started.log?.results).toBe(`IVR recording started (${name})`);
    const recording = contact({ recording: { participants: [], ivr: 'Enabled' } });
    const again = await runBlock(w, ivr('Enabled'), { contact: recording });
    expect(again.log?.results).toBe(RECORDING_NOT_YET);
    const stopped = await runBlock(w, ivr('Disabled'), { contact: recording });
    expect(stopped.log?.results).toBe(`IVR recording stopped (${name})`);
    expect(w.call.recordings).toEqual([`start ${name}`, `stop ${name}`]);
  });

  it('takes the error branch when the call cannot be recorded, instead of going on as if', async () => {
    const w = world();
    w.call.recordingRefused = 'Cannot record channel while in bridge';
    const step = await runBlock(w, ivr('Enabled'));
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(step.log?.results).toContain('Cannot record channel while in bridge');
  });
});

describe('executors bound to a contact’s ports', () => {
  it('run a compiled flow, and stop a waiting block when the flow actor stops', async () => {
    const w = world();
    const model = toModel({
      Version: '2019-10-30',
      StartAction: 'hello',
      Actions: [
        {
          Identifier: 'hello',
          Type: 'MessageParticipant',
          Parameters: { Text: 'Hello' },
          Transitions: { NextAction: 'hold' },
        },
        {
          Identifier: 'hold',
          Type: 'Wait',
          Parameters: { TimeLimitSeconds: '600' },
          Transitions: {
            NextAction: 'bye',
            Conditions: [
              { NextAction: 'bye', Condition: { Operator: 'Equals', Operands: ['WaitCompleted'] } },
            ],
          },
        },
        { Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
      ],
    });
    if (!model) throw new Error('no model');
    const compiled = compile(model);
    const finished = startFlow(compiled, {
      executors: bindExecutors(createExecutors(), w.ports),
      input: { contact: contact() },
    });
    for (let t = 0; t < 700_000 && finished.actor.getSnapshot().status === 'active'; t += 1000)
      await w.clock.advance(1000);
    const output = await finished.done;
    expect(output.path).toEqual(['hello', 'hold', 'bye']);
    expect(output.end).toEqual({ reason: 'disconnect', at: 'bye' });
    expect(w.call.hangups).toEqual(['normal']);

    const other = world();
    const stopped = startFlow(compiled, {
      executors: bindExecutors(createExecutors(), other.ports),
      input: { contact: contact() },
    });
    await other.clock.advance(5000);
    expect(other.clock.pendingTimers).toBe(1);
    stopped.stop();
    await other.clock.advance(0);
    // The Wait's timer went with it: nothing is left to fire on the clock.
    expect(other.clock.pendingTimers).toBe(0);
  });
});
