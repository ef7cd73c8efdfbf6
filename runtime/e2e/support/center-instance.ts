// Builders for the instances the contact-center end-to-end files set up: flows as Connect writes
// them, and agents (instance users) with a routing profile and an extension the harness answers.
import type { Instance } from '../../src/contact/instance.js';

export const flowDoc = (name: string, type: string, actions: unknown[]) => ({
  Version: '2019-10-30',
  StartAction: (actions[0] as { Identifier: string }).Identifier,
  Metadata: { name, type },
  Actions: actions,
});

export const say = (id: string, text: string, next: string) => ({
  Identifier: id,
  Type: 'MessageParticipant',
  Parameters: { Text: text },
  Transitions: { NextAction: next, Errors: [{ NextAction: next, ErrorType: 'NoMatchingError' }] },
});

export const end = { Identifier: 'end', Type: 'EndFlowExecution', Parameters: {}, Transitions: {} };

/** Loads a flow document into the instance as flow `id`; a flow that does not load fails the test. */
export function loadFlowDoc(instance: Instance, doc: unknown, id: string, type: string): void {
  const loaded = instance.loadFlow(new TextEncoder().encode(JSON.stringify(doc)), { id, type });
  if (!loaded.ok) throw new Error(loaded.problem.message);
}

/** The inbound flow `inbound` ("Inbound"), of these blocks, answering `dnis`. */
export function addInbound(instance: Instance, dnis: string, actions: unknown[]): void {
  loadFlowDoc(instance, flowDoc('Inbound', 'CONTACT_FLOW', actions), 'inbound', 'CONTACT_FLOW');
  instance.addPhoneNumber(dnis, 'inbound');
}

/** A flow of one prompt said over and over, as customer queue and hold flows are. */
export const looping = (name: string, type: string, text: string) =>
  flowDoc(name, type, [
    {
      Identifier: 'loop',
      Type: 'MessageParticipantIteratively',
      Parameters: { Messages: [{ Text: text }] },
      Transitions: {},
    },
  ]);

/** What a queued caller meets: flows `aw` (agent whisper), `cw` (customer whisper) and `wait` (queue). */
export function addQueueFlows(instance: Instance): void {
  loadFlowDoc(
    instance,
    flowDoc('Agent whisper', 'AGENT_WHISPER', [say('hello-agent', 'A customer from the queue', 'end'), end]),
    'aw',
    'AGENT_WHISPER',
  );
  loadFlowDoc(
    instance,
    flowDoc('Customer whisper', 'CUSTOMER_WHISPER', [say('hello-customer', 'Connecting you', 'end'), end]),
    'cw',
    'CUSTOMER_WHISPER',
  );
  loadFlowDoc(instance, looping('Waiting', 'CUSTOMER_QUEUE', 'Please hold'), 'wait', 'CUSTOMER_QUEUE');
}

/** An agent whose phone is `extension`, with ten minutes of After Contact Work. */
export function addAgent(instance: Instance, id: string, extension: string, routingProfile: string): void {
  instance.add('user', {
    id,
    name: id,
    username: id,
    arn: instance.arnOf('agent', id),
    extension,
    routingProfile,
    afterContactWorkSeconds: 600,
  });
}

/** The blocks of the inbound flows these files queue callers with. */
export const bye = { Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} };

export const logging = (next: string) => ({
  Identifier: 'logging',
  Type: 'UpdateFlowLoggingBehavior',
  Parameters: { FlowLoggingBehavior: 'Enabled' },
  Transitions: { NextAction: next },
});

export const setQueue = (instance: Instance, queue: string, next: string) => ({
  Identifier: 'set-queue',
  Type: 'UpdateContactTargetQueue',
  Parameters: { QueueId: instance.arnOf('queue', queue) },
  Transitions: { NextAction: next, Errors: [{ NextAction: 'bye', ErrorType: 'NoMatchingError' }] },
});

export const hook = (id: string, type: string, flowId: string, next: string) => ({
  Identifier: id,
  Type: 'UpdateContactEventHooks',
  Parameters: { EventHooks: { [type]: flowId } },
  Transitions: { NextAction: next, Errors: [{ NextAction: next, ErrorType: 'NoMatchingError' }] },
});

/** TransferContactToQueue `id`: `full` on QueueAtCapacity, `bye` on any other error. */
export const toQueue = (id: string, next: string, full = next) => ({
  Identifier: id,
  Type: 'TransferContactToQueue',
  Parameters: {},
  Transitions: {
    NextAction: next,
    Errors: [
      { NextAction: full, ErrorType: 'QueueAtCapacity' },
      { NextAction: 'bye', ErrorType: 'NoMatchingError' },
    ],
  },
});

/** A quick connect (`type` USER, QUEUE or PHONE_NUMBER and its fields) as the instance stores it. */
export function addQuickConnect(
  instance: Instance,
  id: string,
  name: string,
  fields: Record<string, unknown>,
): void {
  instance.add('quickConnect', { id, name, arn: instance.arnOf('transfer-destination', id), ...fields });
}

/** A routing profile named as its id, over voice queues (`{ queue, priority, delaySeconds? }`). */
export function addProfile(
  instance: Instance,
  id: string,
  queues: { queue: string; priority: number; delaySeconds?: number }[],
  fields: Record<string, unknown> = {},
): void {
  instance.add('routingProfile', {
    id,
    name: id,
    arn: instance.arnOf('routing-profile', id),
    queues: queues.map((q) => ({ ...q, channel: 'VOICE' })),
    ...fields,
  });
}
