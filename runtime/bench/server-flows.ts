/**
 * Flows for the server benchmark: an export from another Connect instance whose references (queues,
 * prompts, Lambda functions, event-hook flows) carry that instance's ARNs and, in Metadata, the
 * names the target instance knows them by, so an import resolves every one by name and rewrites it.
 *
 * packages/flow/bench/generate.ts does not fit: its reference count is fixed by its size (about 3 in
 * 7 actions), its kinds are Lambda, hours and queues without prompts or flows, and its Metadata has
 * no names to resolve by.
 */

/** The source instance the export comes from: none of its ARNs or IDs exist in the target. */
const SOURCE = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-8888-4777-8666-555555555555';

export const REFERENCE_KINDS = ['queue', 'prompt', 'lambda', 'flow'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** Names of the target instance's resources, `count` of each kind. */
export function resourceNames(kind: ReferenceKind, count: number): string[] {
  const name = {
    queue: (n: string) => `Queue ${n}`,
    prompt: (n: string) => `Prompt ${n}.wav`,
    lambda: (n: string) => `lookup-${n}`,
    flow: (n: string) => `Customer queue ${n}`,
  }[kind];
  return Array.from({ length: count }, (_, i) => name(String(i + 1).padStart(2, '0')));
}

type Json = Record<string, unknown>;

/** The action holding one reference, and its Metadata: the name under the parameter's path. */
function referencing(kind: ReferenceKind, index: number, name: string): { action: Json; meta: Json } {
  const sourceId = `src-${kind}-${index}`;
  switch (kind) {
    case 'queue':
      return {
        action: { Type: 'UpdateContactTargetQueue', Parameters: { QueueId: `${SOURCE}/queue/${sourceId}` } },
        meta: { QueueId: { displayName: name } },
      };
    case 'prompt':
      return {
        action: { Type: 'MessageParticipant', Parameters: { PromptId: `${SOURCE}/prompt/${sourceId}` } },
        meta: { PromptId: { displayName: name } },
      };
    case 'lambda':
      return {
        action: {
          Type: 'InvokeLambdaFunction',
          Parameters: {
            LambdaFunctionARN: `arn:aws:lambda:us-east-1:111122223333:function:${sourceId}`,
            InvocationTimeLimitSeconds: '3',
            LambdaInvocationAttributes: { step: String(index) },
            ResponseValidation: { ResponseType: 'STRING_MAP' },
          },
        },
        meta: { LambdaFunctionARN: { displayName: name } },
      };
    case 'flow':
      return {
        action: {
          Type: 'UpdateContactEventHooks',
          Parameters: { EventHooks: { CustomerQueue: `${SOURCE}/contact-flow/${sourceId}` } },
        },
        meta: { EventHooks: { CustomerQueue: { displayName: name } } },
      };
  }
}

/** An action without references: attributes, a comparison, a menu or a spoken message. */
function plain(i: number, next: string): Json {
  switch (i % 4) {
    case 0:
      return {
        Type: 'UpdateContactAttributes',
        Parameters: {
          Attributes: { step: String(i), caller: '$.CustomerEndpoint.Address' },
          TargetContact: 'Current',
        },
      };
    case 1:
      return {
        Type: 'Compare',
        Parameters: { ComparisonValue: '$.External.tier' },
        Transitions: {
          Conditions: [{ NextAction: next, Condition: { Operator: 'Equals', Operands: ['gold'] } }],
          Errors: [{ NextAction: next, ErrorType: 'NoMatchingCondition' }],
        },
      };
    case 2:
      return {
        Type: 'GetParticipantInput',
        Parameters: {
          Text: 'Press 1 for sales, 2 for support.',
          StoreInput: 'False',
          InputTimeLimitSeconds: '5',
        },
        Transitions: {
          Conditions: ['1', '2'].map((d) => ({
            NextAction: next,
            Condition: { Operator: 'Equals', Operands: [d] },
          })),
          Errors: [
            { NextAction: next, ErrorType: 'InputTimeLimitExceeded' },
            { NextAction: next, ErrorType: 'NoMatchingCondition' },
            { NextAction: 'end', ErrorType: 'NoMatchingError' },
          ],
        },
      };
    default:
      return { Type: 'MessageParticipant', Parameters: { Text: `Step ${i}, $.Attributes.name.` } };
  }
}

/**
 * A contact flow of `size` actions in one chain (every action reachable), `references` of them
 * spread evenly and cycling through the kinds, each naming one of `perKind` resources of its kind.
 */
export function referencingFlow(size: number, references: number, perKind: number, name: string): Json {
  const actions: Json[] = [];
  const actionMetadata: Json = {};
  const every = (size - 1) / references;
  const names = new Map(REFERENCE_KINDS.map((kind) => [kind, resourceNames(kind, perKind)]));
  let made = 0;
  for (let i = 0; i < size - 1; i++) {
    const id = `a${i}`;
    const next = i === size - 2 ? 'end' : `a${i + 1}`;
    const meta: Json = { position: { x: (i % 20) * 240, y: Math.floor(i / 20) * 180 } };
    let action: Json;
    if (made < references && i >= Math.round(made * every)) {
      const kind = REFERENCE_KINDS[made % REFERENCE_KINDS.length] as ReferenceKind;
      const name = names.get(kind)?.[Math.floor(made / REFERENCE_KINDS.length) % perKind] ?? '';
      const ref = referencing(kind, made, name);
      action = ref.action;
      meta.parameters = ref.meta;
      made++;
    } else action = plain(i, next);
    const transitions = (action.Transitions as Json | undefined) ?? {
      Errors: [{ NextAction: 'end', ErrorType: 'NoMatchingError' }],
    };
    actions.push({ Identifier: id, ...action, Transitions: { NextAction: next, ...transitions } });
    actionMetadata[id] = meta;
  }
  actions.push({ Identifier: 'end', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} });
  actionMetadata.end = { position: { x: 0, y: -200 } };
  if (made !== references) throw new Error(`generated ${made} references, not ${references}`);
  return {
    Version: '2019-10-30',
    StartAction: 'a0',
    Metadata: {
      entryPointPosition: { x: 0, y: 0 },
      ActionMetadata: actionMetadata,
      name,
      description: 'Exported from another instance',
      type: 'contactFlow',
      status: 'published',
      hash: {},
    },
    Actions: actions,
  };
}
