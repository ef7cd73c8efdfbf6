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
  return builtIn(
    instance,
    { id: 'default-agent-whisper', type: 'AGENT_WHISPER', name: 'Default agent whisper' },
    [
      {
        Identifier: 'queue-name',
        Type: 'MessageParticipant',
        Parameters: { Text: '$.Queue.Name' },
        Transitions: { NextAction: 'end', Errors: [{ NextAction: 'end', ErrorType: 'NoMatchingError' }] },
      },
      { Identifier: 'end', Type: 'EndFlowExecution', Parameters: {}, Transitions: {} },
    ],
  );
}

/** One of Connect's default flows, as a flow of the instance (its ARN is the instance's). */
function builtIn(
  instance: Instance,
  info: { id: string; type: string; name: string },
  actions: readonly Record<string, unknown>[],
): FlowTarget | undefined {
  const doc = {
    Version: '2019-10-30',
    StartAction: actions[0]?.Identifier,
    Metadata: { name: info.name },
    Actions: actions,
  };
  const loaded = flowTarget(new TextEncoder().encode(JSON.stringify(doc)), info, instance.arn);
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

/**
 * Runs a looping side flow on a leg (customer queue, customer hold, agent hold) until the signal
 * aborts, `more` says stop or the leg ends: EndFlowExecution starts it over, as Connect resumes
 * these flows. With no flow (the hook is unset: Connect's default is music), or a flow that never
 * loops its prompts (it would spin), music on hold until stopped. Settles once the media stopped.
 */
export async function loopSideFlow(
  deps: FlowDeps,
  options: {
    call: CallPort;
    contact: () => Contact;
    flow: (contact: Contact) => FlowTarget | undefined;
    routing: RoutingPort;
    signal: AbortSignal;
    onResult?: (contact: Contact) => void;
    more?: () => boolean;
  },
): Promise<void> {
  const { call, signal } = options;
  const going = () => !signal.aborted && !call.ended && (options.more?.() ?? true);
  while (going()) {
    const flow = options.flow(options.contact());
    if (!flow) return music(call, signal);
    let looped = false;
    const result = await runSideFlow(deps, {
      call,
      contact: options.contact(),
      flow,
      routing: options.routing,
      signal,
      onBlock: (type) => {
        if (type === 'MessageParticipantIteratively') looped = true;
      },
    });
    options.onResult?.({ ...result.contact, FlowAttributes: {} });
    const end = result.end;
    if (end.kind !== 'stopped' && end.kind !== 'queued') return;
    if (end.kind === 'stopped' && end.by === 'signal') return;
    if (end.kind === 'stopped' && !looped) return music(call, signal);
  }
}

async function music(call: CallPort, signal: AbortSignal): Promise<void> {
  if (signal.aborted || call.ended) return;
  await call.startMusicOnHold().catch(() => {});
  await new Promise<void>((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
    call.onEnd(() => resolve());
  });
  if (!call.ended) await call.stopMusicOnHold().catch(() => {});
}

/**
 * Connect's "Default agent hold": "You are on hold" to the agent every 10 seconds, built per
 * instance and logged like any flow.
 */
export function defaultAgentHold(instance: Instance): FlowTarget | undefined {
  return builtIn(instance, { id: 'default-agent-hold', type: 'AGENT_HOLD', name: 'Default agent hold' }, [
    {
      Identifier: 'on-hold',
      Type: 'MessageParticipantIteratively',
      Parameters: { Messages: [{ SSML: '<speak>You are on hold<break time="10s"/></speak>' }] },
      Transitions: { NextAction: 'end', Errors: [{ NextAction: 'end', ErrorType: 'NoMatchingError' }] },
    },
    { Identifier: 'end', Type: 'EndFlowExecution', Parameters: {}, Transitions: {} },
  ]);
}
