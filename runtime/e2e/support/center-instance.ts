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

/** Loads a flow document into the instance as flow `id`; a flow that does not load fails the test. */
export function loadFlowDoc(instance: Instance, doc: unknown, id: string, type: string): void {
  const loaded = instance.loadFlow(new TextEncoder().encode(JSON.stringify(doc)), { id, type });
  if (!loaded.ok) throw new Error(loaded.problem.message);
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
