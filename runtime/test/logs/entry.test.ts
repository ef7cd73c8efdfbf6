import { describe, expect, it } from 'vitest';
import { type BlockExecution, flowLogEntries, logParameters, stringifyLeaves } from '../../src/logs/entry.js';
import { ContactFlowLog } from '../../src/logs/logger.js';
import { MemoryFlowLogSink } from '../../src/logs/sinks.js';

const FLOW = {
  arn: 'arn:aws:connect:us-west-2:012345678901:instance/11111111-2222-3333-4444-555555555555/contact-flow/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  name: 'Main IVR',
};
const OTHER_FLOW = { arn: `${FLOW.arn.slice(0, -4)}ffff`, name: 'Billing' };
const CONTACT = '0c51520c-6249-4ff9-9feb-000000000001';
const at = (iso: string) => () => Date.parse(iso);

const execution = (over: Partial<BlockExecution> & Pick<BlockExecution, 'action'>): BlockExecution => ({
  contactId: CONTACT,
  flow: FLOW,
  parameters: {},
  ...over,
});

describe('a flow-log entry', () => {
  it("has Connect's fields, the flow ARN as ContactFlowId and the legacy module type from the catalog", () => {
    const [entry, ...rest] = flowLogEntries(
      execution({
        action: { Identifier: 'set-queue', Type: 'UpdateContactTargetQueue' },
        parameters: { QueueId: `${FLOW.arn.split('/contact-flow/')[0]}/queue/q-1` },
      }),
      at('2021-04-13T00:14:31.581Z'),
    );
    expect(rest).toEqual([]);
    expect(entry).toEqual({
      ContactId: CONTACT,
      ContactFlowId: FLOW.arn,
      ContactFlowName: 'Main IVR',
      ContactFlowModuleType: 'SetQueue',
      Identifier: 'set-queue',
      Timestamp: '2021-04-13T00:14:31.581Z',
      Parameters: { Queue: `${FLOW.arn.split('/contact-flow/')[0]}/queue/q-1` },
    });
  });

  it('keeps the Flow-language type when the catalog does not know the action', () => {
    const [entry] = flowLogEntries(
      execution({ action: { Identifier: 'x', Type: 'SomeFutureAction' }, parameters: { A: 1 } }),
      at('2024-01-01T00:00:00Z'),
    );
    expect(entry?.ContactFlowModuleType).toBe('SomeFutureAction');
    expect(entry?.Parameters).toEqual({ A: '1' });
  });

  it('writes a prompt as PlayPrompt with its resolved text', () => {
    const [entry] = flowLogEntries(
      execution({
        action: { Identifier: 'Welcome prompt', Type: 'MessageParticipant' },
        parameters: { Text: 'Hello Ada, thanks for calling' },
      }),
      at('2024-05-04T22:28:30.474Z'),
    );
    expect(entry).toMatchObject({
      ContactFlowModuleType: 'PlayPrompt',
      Identifier: 'Welcome prompt',
      Parameters: { Text: 'Hello Ada, thanks for calling' },
    });
    expect(entry).not.toHaveProperty('Results');
    expect(entry).not.toHaveProperty('ExternalResults');
  });

  it('logs a successful Lambda with legacy parameter names, the time limit in milliseconds and ExternalResults', () => {
    const [entry] = flowLogEntries(
      execution({
        action: { Identifier: '0c51520c-6249-4ff9-9feb-aaaaaaaaaaaa', Type: 'InvokeLambdaFunction' },
        parameters: {
          LambdaFunctionARN: 'arn:aws:lambda:us-west-2:012345678901:function:lookup',
          InvocationTimeLimitSeconds: '3',
          ResponseValidation: { ResponseType: 'STRING_MAP' },
        },
        externalResults: { customerName: 'Arnav Desai', Age: '30' },
      }),
      at('2024-05-04T22:28:30.474Z'),
    );
    expect(entry).toEqual({
      ContactId: CONTACT,
      ContactFlowId: FLOW.arn,
      ContactFlowName: 'Main IVR',
      ContactFlowModuleType: 'InvokeExternalResource',
      Identifier: '0c51520c-6249-4ff9-9feb-aaaaaaaaaaaa',
      Timestamp: '2024-05-04T22:28:30.474Z',
      Parameters: {
        FunctionArn: 'arn:aws:lambda:us-west-2:012345678901:function:lookup',
        TimeLimit: '3000',
        ResponseValidation: 'ResponseType=STRING_MAP',
      },
      ExternalResults: { customerName: 'Arnav Desai', Age: '30' },
    });
  });

  it('logs a failed Lambda with its Results text and no ExternalResults', () => {
    const [entry] = flowLogEntries(
      execution({
        action: { Identifier: 'Update session data Lambda', Type: 'InvokeLambdaFunction' },
        parameters: { LambdaFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:f' },
        results: 'The Lambda Function Returned An Error.',
      }),
      at('2024-05-15T11:40:34.056Z'),
    );
    expect(entry?.Results).toBe('The Lambda Function Returned An Error.');
    expect(entry).not.toHaveProperty('ExternalResults');
  });

  it('copies ExternalResults, so a later change to the response cannot rewrite the log', () => {
    const external = { tier: 'gold' };
    const [entry] = flowLogEntries(
      execution({ action: { Identifier: 'l', Type: 'InvokeLambdaFunction' }, externalResults: external }),
      at('2024-01-01T00:00:00Z'),
    );
    external.tier = 'silver';
    expect(entry?.ExternalResults).toEqual({ tier: 'gold' });
  });

  it('carries the outcome of a block that has one, such as the digit a caller pressed', () => {
    const [entry] = flowLogEntries(
      execution({
        action: { Identifier: 'menu', Type: 'GetParticipantInput' },
        parameters: { Text: 'Press 1', InputTimeLimitSeconds: 5, StoreInput: false },
        results: '1',
      }),
      at('2024-01-01T00:00:00Z'),
    );
    expect(entry).toMatchObject({
      ContactFlowModuleType: 'GetUserInput',
      Parameters: { Text: 'Press 1', InputTimeLimitSeconds: '5', StoreInput: 'false' },
      Results: '1',
    });
  });
});

describe('UpdateContactAttributes in the flow log', () => {
  it('writes one SetAttributes entry per attribute, in the order they were set', () => {
    const entries = flowLogEntries(
      execution({
        action: { Identifier: 'set-attrs', Type: 'UpdateContactAttributes' },
        parameters: { Attributes: { LambdaPriority: 'standard', tries: 2 }, TargetContact: 'Current' },
      }),
      at('2026-07-29T03:18:43.880Z'),
    );
    expect(entries).toEqual([
      {
        ContactId: CONTACT,
        ContactFlowId: FLOW.arn,
        ContactFlowName: 'Main IVR',
        ContactFlowModuleType: 'SetAttributes',
        Identifier: 'set-attrs',
        Timestamp: '2026-07-29T03:18:43.880Z',
        Parameters: { Value: 'standard', AddAttributeToRelatedContact: 'false', Key: 'LambdaPriority' },
      },
      {
        ContactId: CONTACT,
        ContactFlowId: FLOW.arn,
        ContactFlowName: 'Main IVR',
        ContactFlowModuleType: 'SetAttributes',
        Identifier: 'set-attrs',
        Timestamp: '2026-07-29T03:18:43.880Z',
        Parameters: { Value: '2', AddAttributeToRelatedContact: 'false', Key: 'tries' },
      },
    ]);
  });

  it('says so when the attributes go to the related contact', () => {
    const [entry] = flowLogEntries(
      execution({
        action: { Identifier: 'rel', Type: 'UpdateContactAttributes' },
        parameters: { Attributes: { a: 'b' }, TargetContact: 'Related' },
      }),
      at('2024-01-01T00:00:00Z'),
    );
    expect(entry?.Parameters).toEqual({ Value: 'b', AddAttributeToRelatedContact: 'true', Key: 'a' });
  });

  it('still shows a block that sets nothing, so the path through the flow stays complete', () => {
    const entries = flowLogEntries(
      execution({ action: { Identifier: 'empty', Type: 'UpdateContactAttributes' }, parameters: {} }),
      at('2024-01-01T00:00:00Z'),
    );
    expect(entries.map((e) => e.Identifier)).toEqual(['empty']);
  });

  it('puts the error text on every entry when the block took its error branch', () => {
    const entries = flowLogEntries(
      execution({
        action: { Identifier: 'big', Type: 'UpdateContactAttributes' },
        parameters: { Attributes: { a: '1', b: '2' } },
        results: 'Attributes exceed 32 KB',
      }),
      at('2024-01-01T00:00:00Z'),
    );
    expect(entries.map((e) => e.Results)).toEqual(['Attributes exceed 32 KB', 'Attributes exceed 32 KB']);
  });
});

describe('parameters as Connect logs them', () => {
  it('are strings at every leaf, with objects and lists kept', () => {
    expect(stringifyLeaves({ a: 1, b: [true, null], c: { d: 2.5 } })).toEqual({
      a: '1',
      b: ['true', ''],
      c: { d: '2.5' },
    });
  });

  it('keep the Flow-language names of blocks whose log spelling is unknown', () => {
    expect(logParameters('Wait', { TimeLimitSeconds: 30, Events: ['CustomerReturned'] })).toEqual({
      TimeLimitSeconds: '30',
      Events: ['CustomerReturned'],
    });
  });
});

describe("a contact's flow log", () => {
  const block = (flow: typeof FLOW, Identifier: string, Type: string, parameters = {}): BlockExecution => ({
    contactId: CONTACT,
    flow,
    action: { Identifier, Type },
    parameters,
  });

  it('writes nothing until a Set logging behavior block turns logging on, and shows that block first', () => {
    const sink = new MemoryFlowLogSink();
    const log = new ContactFlowLog(sink, at('2024-01-01T00:00:00Z'));
    log.record(block(FLOW, 'greeting', 'MessageParticipant', { Text: 'hi' }));
    log.record(block(FLOW, 'logging-on', 'UpdateFlowLoggingBehavior', { FlowLoggingBehavior: 'Enabled' }));
    log.record(block(FLOW, 'menu', 'GetParticipantInput', { Text: 'Press 1' }));
    expect(sink.entries.map((e) => e.Identifier)).toEqual(['logging-on', 'menu']);
    expect(sink.entries[0]?.ContactFlowModuleType).toBe('SetLoggingBehavior');
  });

  it('stays on in the flow a TransferToFlow enters', () => {
    const sink = new MemoryFlowLogSink();
    const log = new ContactFlowLog(sink, at('2024-01-01T00:00:00Z'));
    log.record(block(FLOW, 'logging-on', 'UpdateFlowLoggingBehavior', { FlowLoggingBehavior: 'Enabled' }));
    log.record(block(FLOW, 'to-billing', 'TransferToFlow', { ContactFlowId: OTHER_FLOW.arn }));
    log.record(block(OTHER_FLOW, 'billing-greeting', 'MessageParticipant', { Text: 'Billing' }));
    expect(sink.entries.map((e) => [e.ContactFlowName, e.Identifier])).toEqual([
      ['Main IVR', 'logging-on'],
      ['Main IVR', 'to-billing'],
      ['Billing', 'billing-greeting'],
    ]);
    expect(sink.entries[2]?.ContactFlowId).toBe(OTHER_FLOW.arn);
  });

  it('logs the block that turns logging off, then nothing more', () => {
    const sink = new MemoryFlowLogSink();
    const log = new ContactFlowLog(sink, at('2024-01-01T00:00:00Z'), { enabled: true });
    log.record(block(FLOW, 'before', 'MessageParticipant'));
    log.record(block(FLOW, 'off', 'UpdateFlowLoggingBehavior', { FlowLoggingBehavior: 'Disabled' }));
    log.record(block(FLOW, 'card-number', 'GetParticipantInput', { StoreInput: 'True' }));
    expect(sink.entries.map((e) => e.Identifier)).toEqual(['before', 'off']);
    expect(log.enabled).toBe(false);
  });

  it('stamps each entry with the injected clock', () => {
    let now = Date.parse('2024-01-01T00:00:00.000Z');
    const sink = new MemoryFlowLogSink();
    const log = new ContactFlowLog(sink, () => now, { enabled: true });
    log.record(block(FLOW, 'a', 'MessageParticipant'));
    now += 1234;
    log.record(block(FLOW, 'b', 'MessageParticipant'));
    expect(sink.entries.map((e) => e.Timestamp)).toEqual([
      '2024-01-01T00:00:00.000Z',
      '2024-01-01T00:00:01.234Z',
    ]);
  });
});
