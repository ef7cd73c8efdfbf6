import type { Clock } from '@parley/ari';
import { type Contact, type EventHookType, enterFlow } from '@parley/flow';
import type { Instance } from '../contact/instance.js';
import { type ContactResult, runContact } from '../contact/runner.js';
import type { BlockExecutor, FlowTarget, RoutingPort } from '../executors/types.js';
import type { LambdaPort } from '../integrations/lambda.js';
import type { VoicePort } from '../integrations/tts.js';
import type { FlowLogSink } from '../logs/sinks.js';
import { flowTarget } from '../resources/flow-target.js';
import type { CallPort } from '../telephony/port.js';

/** What running a side flow (queue, whisper) on a leg needs. */
export interface FlowDeps {
  instance: Instance;
  clock: Clock;
  voice: VoicePort;
  lambda: LambdaPort;
  log: FlowLogSink;
  executors: Readonly<Record<string, BlockExecutor>>;
}

/**
 * The flow an event hook names for the contact, unless the hook is switched off. Undefined: the
 * hook is not set, and Connect's default applies.
 */
export function hookFlow(instance: Instance, contact: Contact, hook: EventHookType): FlowTarget | undefined {
  if (contact.disabledEventHooks.includes(hook)) return undefined;
  const ref = contact.eventHooks[hook];
  return ref === undefined ? undefined : instance.flow(ref);
}

/**
 * Connect's "Default agent whisper": the agent hears the name of the queue the customer waited in.
 * Built per instance (its ARN is the instance's) and logged like any flow.
 */
export function defaultAgentWhisper(instance: Instance): FlowTarget | undefined {
  const doc = {
    Version: '2019-10-30',
    StartAction: 'queue-name',
    Metadata: { name: 'Default agent whisper' },
    Actions: [
      {
        Identifier: 'queue-name',
        Type: 'MessageParticipant',
        Parameters: { Text: '$.Queue.Name' },
        Transitions: { NextAction: 'end', Errors: [{ NextAction: 'end', ErrorType: 'NoMatchingError' }] },
      },
      { Identifier: 'end', Type: 'EndFlowExecution', Parameters: {}, Transitions: {} },
    ],
  };
  const loaded = flowTarget(
    new TextEncoder().encode(JSON.stringify(doc)),
    { id: 'default-agent-whisper', type: 'AGENT_WHISPER', name: 'Default agent whisper' },
    instance.arn,
  );
  return loaded.ok ? loaded.flow : undefined;
}

/**
 * Runs a queue or whisper flow on one leg of the contact: no answer, no contact record of its own
 * (the contact's record is the inbound run's), and ending the flow keeps the call.
 */
export function runSideFlow(
  deps: FlowDeps,
  options: {
    call: CallPort;
    contact: Contact;
    flow: FlowTarget;
    routing: RoutingPort;
    signal?: AbortSignal;
    onBlock?: (blockType: string) => void;
  },
): Promise<ContactResult> {
  const run = runContact({
    contact: enterFlow(options.contact),
    flow: options.flow,
    ports: deps.instance.ports({
      call: options.call,
      clock: deps.clock,
      voice: deps.voice,
      lambda: deps.lambda,
      routing: options.routing,
      transcript: () => {},
    }),
    executors: deps.executors,
    log: deps.log,
    instanceArn: deps.instance.arn,
    answer: false,
    keepCall: true,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onBlock ? { onStep: (step) => options.onBlock?.(step.blockType) } : {}),
  });
  return run.done;
}
