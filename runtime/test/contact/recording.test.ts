import { describe, expect, it } from 'vitest';
import { Instance } from '../../src/contact/instance.js';
import { parseCallerScript } from '../../src/contact/script.js';
import { placeholderVoice, simulateCall } from '../../src/contact/simulate.js';
import { createExecutors } from '../../src/executors/index.js';

const flow = {
  Version: '2019-10-30',
  StartAction: 'Log',
  Actions: [
    {
      Identifier: 'Log',
      Type: 'UpdateFlowLoggingBehavior',
      Parameters: { FlowLoggingBehavior: 'Enabled' },
      Transitions: { NextAction: 'Record' },
    },
    {
      Identifier: 'Record',
      Type: 'UpdateContactRecordingAndAnalyticsBehavior',
      Parameters: {
        VoiceBehavior: {
          VoiceRecordingBehavior: { RecordedParticipants: [], IVRRecordingBehavior: 'Enabled' },
        },
      },
      Transitions: { NextAction: 'Hello', Errors: [{ NextAction: 'Bye', ErrorType: 'NoMatchingError' }] },
    },
    {
      Identifier: 'Hello',
      Type: 'MessageParticipant',
      Parameters: { Text: 'This call is recorded.' },
      Transitions: { NextAction: 'Bye' },
    },
    { Identifier: 'Bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
  ],
};

describe('IVR recording on a simulated call', () => {
  it('records the IVR part over ARI and lists the recording in the contact record', async () => {
    const instance = new Instance();
    const loaded = instance.loadFlow(new TextEncoder().encode(JSON.stringify(flow)), {
      file: 'recorded.json',
    });
    if (!loaded.ok) throw new Error(loaded.problem.message);
    const script = parseCallerScript({ call: { contactId: 'recorded-1' }, steps: [] });
    if (!script.ok) throw new Error('bad script');
    const result = await simulateCall({
      instance,
      flow: loaded.flow,
      script: script.script,
      executors: createExecutors(),
      voice: placeholderVoice(),
    });
    expect(result.problems).toEqual([]);
    expect(result.path.map((p) => p.identifier)).toEqual(['Log', 'Record', 'Hello', 'Bye']);
    expect(result.logs.find((e) => e.Identifier === 'Record')?.Results).toBe(
      'IVR recording started (ivr-recorded-1)',
    );
    expect(result.record?.Recordings).toEqual([
      expect.objectContaining({
        Location: 'recording:ivr-recorded-1',
        ParticipantType: 'IVR',
        StorageType: 'ASTERISK',
      }),
    ]);
  });
});
