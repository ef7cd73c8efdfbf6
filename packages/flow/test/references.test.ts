import { describe, expect, it } from 'vitest';
import { toModel } from '../src/model/model.js';
import type { FlowModel, JsonObject } from '../src/model/types.js';
import {
  checkReferences,
  type DirectoryEntry,
  directoryFrom,
  findReferences,
  planImport,
  prepareExport,
  resolveReference,
  resourceIdOf,
} from '../src/references/index.js';

const OLD = 'arn:aws:connect:us-east-1:111122223333:instance/old-instance';
const NEW = 'arn:aws:connect:eu-west-2:444455556666:instance/new-instance';

/** A flow with a reference in every shape Connect writes: top level, nested, in an array, in a map. */
const doc = (): JsonObject => ({
  Version: '2019-10-30',
  StartAction: 'hello',
  Metadata: {
    type: 'contactFlow',
    name: 'Every shape',
    ActionMetadata: {
      hello: { promptName: 'Beep.wav', parameters: { PromptId: { displayName: 'Beep.wav' } } },
      music: {
        audio: [{ id: `${OLD}/prompt/jazz`, text: 'Jazz.wav', type: 'Prompt' }],
        parameters: { Messages: [null, { PromptId: { displayName: 'Jazz.wav' } }] },
      },
      hooks: {
        contactFlow: { text: 'Queue music', id: `${OLD}/contact-flow/qflow` },
        parameters: { EventHooks: { CustomerQueue: { displayName: 'Queue music' } } },
      },
      queue: { queue: { text: 'Billing' } },
      hours: { Hours: { id: `${OLD}/operating-hours/office`, text: 'Office' } },
      bot: {
        lexV2BotName: 'BankBot',
        lexV2BotAliasName: 'Live',
        parameters: { LexV2Bot: { AliasArn: { displayName: 'Live', lexV2BotName: 'BankBot' } } },
      },
      module: { contactFlowModuleName: 'Authenticate' },
    },
  },
  Actions: [
    {
      Identifier: 'hello',
      Type: 'MessageParticipant',
      Parameters: { PromptId: `${OLD}/prompt/beep` },
      Transitions: { NextAction: 'music' },
    },
    {
      Identifier: 'music',
      Type: 'MessageParticipantIteratively',
      Parameters: {
        Messages: [
          { Text: 'Please hold' },
          { PromptId: `${OLD}/prompt/jazz` },
          { PromptId: '$.Attributes.p' },
        ],
        InterruptFrequencySeconds: '30',
      },
      Transitions: { NextAction: 'hooks' },
    },
    {
      Identifier: 'hooks',
      Type: 'UpdateContactEventHooks',
      Parameters: { EventHooks: { CustomerQueue: `${OLD}/contact-flow/qflow` } },
      Transitions: { NextAction: 'queue' },
    },
    {
      Identifier: 'queue',
      Type: 'UpdateContactTargetQueue',
      Parameters: { QueueId: `${OLD}/queue/billing` },
      Transitions: { NextAction: 'hours' },
    },
    {
      Identifier: 'hours',
      Type: 'CheckHoursOfOperation',
      Parameters: { HoursOfOperationId: `${OLD}/operating-hours/office` },
      Transitions: { NextAction: 'bot' },
    },
    {
      Identifier: 'bot',
      Type: 'ConnectParticipantWithLexBot',
      Parameters: {
        Text: 'How can I help?',
        LexV2Bot: { AliasArn: 'arn:aws:lex:us-east-1:111122223333:bot-alias/BOT1/ALIAS1' },
      },
      Transitions: { NextAction: 'module' },
    },
    {
      Identifier: 'module',
      Type: 'InvokeFlowModule',
      Parameters: { FlowModuleId: 'auth-module-id' },
      Transitions: { NextAction: 'lambda' },
    },
    {
      Identifier: 'lambda',
      Type: 'InvokeLambdaFunction',
      Parameters: {
        LambdaFunctionARN: 'arn:aws:lambda:us-east-1:111122223333:function:lookup',
        InvocationTimeLimitSeconds: '3',
      },
      Transitions: { NextAction: 'transfer' },
    },
    {
      Identifier: 'transfer',
      Type: 'TransferToFlow',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation placeholder, as real templates carry
      Parameters: { ContactFlowId: '${MainFlowArn}' },
      Transitions: {},
    },
    { Identifier: 'empty', Type: 'TransferToFlow', Parameters: { ContactFlowId: '' }, Transitions: {} },
    { Identifier: 'odd', Type: 'NotARealBlock', Parameters: { QueueId: `${OLD}/queue/billing` } },
  ],
});

const model = (d: JsonObject = doc()): FlowModel => {
  const m = toModel(d);
  if (!m) throw new Error('not a flow');
  return m;
};

/** The instance the flow is imported into: the same resources, other IDs, the same names. */
const target: DirectoryEntry[] = [
  { kind: 'prompt', id: 'p1', arn: `${NEW}/prompt/p1`, name: 'Beep.wav' },
  { kind: 'prompt', id: 'p2', arn: `${NEW}/prompt/p2`, name: 'Jazz.wav' },
  { kind: 'flow', id: 'f1', arn: `${NEW}/contact-flow/f1`, name: 'Queue music' },
  { kind: 'queue', id: 'q1', arn: `${NEW}/queue/q1`, name: 'Billing' },
  { kind: 'hours', id: 'h1', arn: `${NEW}/operating-hours/h1`, name: 'Office' },
  { kind: 'lexV2Alias', id: 'B/A', arn: 'arn:aws:lex:eu-west-2:444455556666:bot-alias/B/A', name: 'BankBot' },
  { kind: 'module', id: 'm1', arn: `${NEW}/flow-module/m1`, name: 'Authenticate' },
  {
    kind: 'lambda',
    id: 'lookup',
    arn: 'arn:aws:lambda:eu-west-2:444455556666:function:lookup',
    name: 'lookup',
  },
];

describe('findReferences', () => {
  const refs = findReferences(model());

  it('finds references at the top level, nested, inside arrays and inside maps, with their pointers', () => {
    expect(refs.map((r) => [r.actionId, r.parameter, r.kind, r.pointer])).toEqual([
      ['hello', 'PromptId', 'prompt', '/Actions/0/Parameters/PromptId'],
      ['music', 'Messages/1/PromptId', 'prompt', '/Actions/1/Parameters/Messages/1/PromptId'],
      ['hooks', 'EventHooks/CustomerQueue', 'flow', '/Actions/2/Parameters/EventHooks/CustomerQueue'],
      ['queue', 'QueueId', 'queue', '/Actions/3/Parameters/QueueId'],
      ['hours', 'HoursOfOperationId', 'hours', '/Actions/4/Parameters/HoursOfOperationId'],
      ['bot', 'LexV2Bot/AliasArn', 'lexV2Alias', '/Actions/5/Parameters/LexV2Bot/AliasArn'],
      ['module', 'FlowModuleId', 'module', '/Actions/6/Parameters/FlowModuleId'],
      ['lambda', 'LambdaFunctionARN', 'lambda', '/Actions/7/Parameters/LambdaFunctionARN'],
      ['transfer', 'ContactFlowId', 'flow', '/Actions/8/Parameters/ContactFlowId'],
    ]);
  });

  it('skips JSONPath values, empty values and actions the catalog does not know', () => {
    expect(refs.some((r) => r.value.startsWith('$.'))).toBe(false);
    expect(refs.some((r) => r.actionId === 'empty' || r.actionId === 'odd')).toBe(false);
  });

  it('keeps template placeholders as references, marked as such', () => {
    expect(refs.filter((r) => r.placeholder).map((r) => r.actionId)).toEqual(['transfer']);
  });

  it('reads display names from the current designer and from the older per-block keys', () => {
    expect(Object.fromEntries(refs.map((r) => [r.actionId, r.name]))).toEqual({
      hello: 'Beep.wav',
      music: 'Jazz.wav',
      hooks: 'Queue music',
      queue: 'Billing',
      hours: 'Office',
      bot: 'BankBot',
      module: 'Authenticate',
      lambda: undefined,
      transfer: undefined,
    });
  });

  it('does not take an older key carrying another resource id as the name', () => {
    const d = doc();
    const am = (d.Metadata as JsonObject).ActionMetadata as JsonObject;
    am.hours = { Hours: { id: `${OLD}/operating-hours/other`, text: 'Weekend' } };
    expect(findReferences(model(d)).find((r) => r.actionId === 'hours')?.name).toBeUndefined();
  });
});

describe('resourceIdOf', () => {
  it('takes the trailing ID of Connect ARNs, qualifiers and agent queues included', () => {
    expect(resourceIdOf(`${OLD}/queue/billing`)).toBe('billing');
    expect(resourceIdOf(`${OLD}/contact-flow/f1:$SAVED`)).toBe('f1');
    expect(resourceIdOf(`${OLD}/queue/agent/a1`)).toBe('a1');
    expect(resourceIdOf('arn:aws:connect:us-east-1:111122223333:phone-number/n1')).toBe('n1');
  });

  it('takes the function name of Lambda ARNs and BOT/ALIAS of Lex V2 aliases', () => {
    expect(resourceIdOf('arn:aws:lambda:us-east-1:111122223333:function:lookup:live')).toBe('lookup');
    expect(resourceIdOf('arn:aws:lex:us-east-1:111122223333:bot-alias/BOT/ALIAS')).toBe('BOT/ALIAS');
  });

  it('gives nothing for a value that is not an ARN', () => {
    expect(resourceIdOf('billing')).toBeUndefined();
  });
});

describe('directoryFrom', () => {
  const dir = directoryFrom([
    { kind: 'flow', id: 'x', arn: `${NEW}/contact-flow/x`, name: 'Main' },
    { kind: 'module', id: 'y', arn: `${NEW}/flow-module/y`, name: 'Main' },
    { kind: 'flow', id: 'z', arn: `${NEW}/contact-flow/z`, name: 'Main' },
  ]);

  it('finds entries by ARN, ID and name within their kind', () => {
    expect(dir.byArn('flow', `${NEW}/contact-flow/x`)?.id).toBe('x');
    expect(dir.byId('module', 'y')?.name).toBe('Main');
    expect(dir.byName('module', 'Main')?.id).toBe('y');
    expect(dir.byId('flow', 'y')).toBeUndefined();
  });

  it('keeps the first entry when names repeat', () => {
    expect(dir.byName('flow', 'Main')?.id).toBe('x');
  });
});

describe('resolveReference', () => {
  const dir = directoryFrom([
    { kind: 'queue', id: 'billing', arn: `${OLD}/queue/billing`, name: 'Billing' },
    { kind: 'queue', id: 'q1', arn: `${NEW}/queue/q1`, name: 'Sales' },
  ]);
  const queue = (value: string, name?: string) => ({
    kind: 'queue' as const,
    value,
    ...(name ? { name } : {}),
  });

  it('resolves by exact ARN first', () => {
    expect(resolveReference(queue(`${OLD}/queue/billing`, 'Sales'), dir)).toMatchObject({
      resolution: 'arn',
      target: `${OLD}/queue/billing`,
    });
  });

  it('then by the ID the ARN ends with, from any instance, or the value as an ID', () => {
    expect(resolveReference(queue(`${NEW}/queue/billing`), dir)).toMatchObject({
      resolution: 'id',
      target: `${OLD}/queue/billing`,
    });
    expect(resolveReference(queue('q1'), dir).resolution).toBe('id');
  });

  it('then by the display name, or by the value itself when it is a plain name', () => {
    expect(resolveReference(queue(`${OLD}/queue/gone`, 'Sales'), dir)).toMatchObject({
      resolution: 'name',
      target: `${NEW}/queue/q1`,
    });
    expect(resolveReference(queue('Sales'), dir).resolution).toBe('name');
  });

  it('leaves a reference nothing matches unresolved', () => {
    expect(resolveReference(queue(`${OLD}/queue/gone`, 'Gone'), dir)).toEqual({
      resolution: 'unresolved',
      target: null,
    });
  });

  it('lets the mapping win, by old value or by display name', () => {
    const byValue = resolveReference(queue(`${OLD}/queue/billing`), dir, {
      [`${OLD}/queue/billing`]: 'Sales',
    });
    expect(byValue).toMatchObject({ resolution: 'map', target: `${NEW}/queue/q1` });
    const byName = resolveReference(queue(`${OLD}/queue/x`, 'Old name'), dir, { 'Old name': 'q1' });
    expect(byName).toMatchObject({ resolution: 'map', target: `${NEW}/queue/q1`, mappedFrom: 'Old name' });
  });

  it('trusts a mapping to an ARN the instance does not list, and reports one to nothing', () => {
    expect(resolveReference(queue('x'), dir, { x: `${NEW}/queue/later` })).toMatchObject({
      resolution: 'map',
      target: `${NEW}/queue/later`,
    });
    expect(resolveReference(queue('x'), dir, { x: 'No such queue' })).toMatchObject({
      resolution: 'unresolved',
      mappedTo: 'No such queue',
    });
  });

  it('resolves placeholders by mapping or display name only', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation placeholder
    const placeholder = { kind: 'queue' as const, value: '${BillingQueue}', placeholder: true };
    expect(resolveReference(placeholder, dir).resolution).toBe('unresolved');
    expect(resolveReference({ ...placeholder, name: 'Sales' }, dir).resolution).toBe('name');
  });

  it('reports an ARN naming another kind of resource', () => {
    expect(resolveReference(queue(`${OLD}/prompt/billing`), dir)).toMatchObject({
      resolution: 'unresolved',
      wrongKind: 'prompt',
    });
  });
});

describe('checkReferences', () => {
  it('finds references the way the runtime does: ARN, ID, value as a name, never Metadata names', () => {
    const dir = directoryFrom([
      { kind: 'prompt', id: 'beep', arn: `${OLD}/prompt/beep`, name: 'Beep.wav' },
      { kind: 'module', id: 'auth-module-id', arn: `${OLD}/flow-module/auth-module-id`, name: 'Auth' },
      { kind: 'queue', id: 'q1', arn: `${NEW}/queue/q1`, name: 'Billing' },
    ]);
    const found = checkReferences(model(), dir).map((c) => [c.reference.actionId, c.found?.id ?? null]);
    expect(found).toEqual([
      ['hello', 'beep'],
      ['music', null],
      ['hooks', null],
      ['queue', null],
      ['hours', null],
      ['bot', null],
      ['module', 'auth-module-id'],
      ['lambda', null],
      ['transfer', null],
    ]);
  });
});

describe('prepareExport', () => {
  const source = directoryFrom([
    { kind: 'prompt', id: 'beep', arn: `${OLD}/prompt/beep`, name: 'Beep (short).wav' },
    { kind: 'prompt', id: 'jazz', arn: `${OLD}/prompt/jazz`, name: 'Jazz.wav' },
    { kind: 'flow', id: 'qflow', arn: `${OLD}/contact-flow/qflow`, name: 'Queue music v2' },
    { kind: 'queue', id: 'billing', arn: `${OLD}/queue/billing`, name: 'Billing' },
    { kind: 'module', id: 'auth-module-id', arn: `${OLD}/flow-module/auth-module-id`, name: 'Authenticate' },
    {
      kind: 'lambda',
      id: 'lookup',
      arn: 'arn:aws:lambda:us-east-1:111122223333:function:lookup',
      name: 'lookup',
    },
  ]);
  const bare = () => {
    const d = doc();
    delete (d.Metadata as JsonObject).ActionMetadata;
    return d;
  };

  it('writes each name as the current designer does, arrays included, where Metadata had none', () => {
    const out = prepareExport(model(bare()), source);
    const am = (out.Metadata as JsonObject).ActionMetadata as Record<string, JsonObject>;
    expect(am.hello).toEqual({ parameters: { PromptId: { displayName: 'Beep (short).wav' } } });
    expect(am.music).toEqual({ parameters: { Messages: [null, { PromptId: { displayName: 'Jazz.wav' } }] } });
    expect(am.hooks).toEqual({
      parameters: { EventHooks: { CustomerQueue: { displayName: 'Queue music v2' } } },
    });
    expect(am.lambda).toEqual({ parameters: { LambdaFunctionARN: { displayName: 'lookup' } } });
  });

  it('keeps the older per-block keys in step where the document has them', () => {
    const am = (prepareExport(model(), source).Metadata as JsonObject).ActionMetadata as Record<
      string,
      JsonObject
    >;
    expect(am.hello?.promptName).toBe('Beep (short).wav');
    expect(am.hooks?.contactFlow).toEqual({ text: 'Queue music v2', id: `${OLD}/contact-flow/qflow` });
    expect(am.queue).toEqual({
      queue: { text: 'Billing' },
      parameters: { QueueId: { displayName: 'Billing' } },
    });
  });

  it('writes references given by ID as ARNs and leaves the ones the instance lacks alone', () => {
    const out = prepareExport(model(), source);
    const params = (i: number) => ((out.Actions as JsonObject[])[i] as JsonObject).Parameters as JsonObject;
    expect(params(6).FlowModuleId).toBe(`${OLD}/flow-module/auth-module-id`);
    expect(params(4).HoursOfOperationId).toBe(`${OLD}/operating-hours/office`);
    const am = (out.Metadata as JsonObject).ActionMetadata as Record<string, JsonObject>;
    expect(am.hours).toEqual({ Hours: { id: `${OLD}/operating-hours/office`, text: 'Office' } });
  });

  it('leaves the model and the document it came from untouched', () => {
    const d = bare();
    const before = structuredClone(d);
    prepareExport(model(d), source);
    expect(d).toEqual(before);
  });

  it('round-trips: the export imported into the same instance resolves every reference by ARN', () => {
    const { report } = planImport(prepareExport(model(), source), source);
    const known = report.references.filter((r) => r.actionId !== 'transfer' && r.target !== null);
    expect(known.map((r) => r.resolution)).toEqual(known.map(() => 'arn'));
    expect(known.map((r) => r.actionId)).toEqual(['hello', 'music', 'hooks', 'queue', 'module', 'lambda']);
  });
});

describe('planImport on one flow', () => {
  const plan = planImport(doc(), directoryFrom(target));
  const out = plan.document as JsonObject;
  const am = (out.Metadata as JsonObject).ActionMetadata as Record<string, JsonObject>;
  const params = (i: number) => ((out.Actions as JsonObject[])[i] as JsonObject).Parameters as JsonObject;

  it('resolves every reference of another instance by id or name', () => {
    expect(plan.report.references.map((r) => [r.actionId, r.resolution])).toEqual([
      ['hello', 'name'],
      ['music', 'name'],
      ['hooks', 'name'],
      ['queue', 'name'],
      ['hours', 'name'],
      ['bot', 'name'],
      ['module', 'name'],
      ['lambda', 'id'],
      ['transfer', 'unresolved'],
    ]);
  });

  it('rewrites Parameters to the target ARNs', () => {
    expect(params(0).PromptId).toBe(`${NEW}/prompt/p1`);
    expect(params(1).Messages).toEqual([
      { Text: 'Please hold' },
      { PromptId: `${NEW}/prompt/p2` },
      { PromptId: '$.Attributes.p' },
    ]);
    expect(params(2).EventHooks).toEqual({ CustomerQueue: `${NEW}/contact-flow/f1` });
    expect(params(5).LexV2Bot).toEqual({ AliasArn: target[5]?.arn });
  });

  it('keeps the id fields of the older Metadata keys in step', () => {
    expect(am.music?.audio).toEqual([{ id: `${NEW}/prompt/p2`, text: 'Jazz.wav', type: 'Prompt' }]);
    expect(am.hooks?.contactFlow).toEqual({ text: 'Queue music', id: `${NEW}/contact-flow/f1` });
    expect(am.hours?.Hours).toEqual({ id: `${NEW}/operating-hours/h1`, text: 'Office' });
  });

  it('keeps an unresolved reference as written, with a warning saying where', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation placeholder
    expect(params(8).ContactFlowId).toBe('${MainFlowArn}');
    expect(plan.report.errors).toEqual([
      {
        code: 'IMPORT_REFERENCE_UNRESOLVED',
        severity: 'warning',
        message:
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation placeholder
          'ContactFlowId: the placeholder "${MainFlowArn}" is not in the mapping, and Metadata gives no name to find the flow by; kept as written',
        actionId: 'transfer',
        path: '/Actions/8/Parameters/ContactFlowId',
      },
    ]);
  });

  it('leaves the document it was given untouched', () => {
    const d = doc();
    planImport(d, directoryFrom(target));
    expect(d).toEqual(doc());
  });
});
