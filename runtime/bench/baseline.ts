// The benchmark's yardstick: a bare interpreter that walks a flow's Actions table and does what the
// bench IVRs' blocks do, through the same call, voice and Lambda ports as the runtime, with no
// XState, no validation of parameters, no flow log, no contact record. Written only for
// `baseline_ratio`; it knows just enough of the flow language to run IVR_20 and IVR_10.
import type { Clock } from '@parley/ari';
import { isOpen } from '@parley/flow';
import type { Instance } from '../src/contact/instance.js';
import type { LambdaPort } from '../src/integrations/lambda.js';
import type { VoicePort } from '../src/integrations/tts.js';
import type { CallPort } from '../src/telephony/port.js';

interface Action {
  Identifier: string;
  Type: string;
  Parameters: Record<string, unknown>;
  Transitions: {
    NextAction?: string;
    Conditions?: { NextAction: string; Condition: { Operands: string[] } }[];
    Errors?: { NextAction: string }[];
  };
}

export interface BareDeps {
  instance: Instance;
  clock: Clock;
  voice: VoicePort;
  lambda: LambdaPort;
  /** Told after each block, as the runtime's onStep is. */
  onStep: (blockType: string) => void;
}

type Result = { kind: 'next' } | { kind: 'condition'; value: string } | { kind: 'error' } | { kind: 'end' };

export interface BareFlow {
  start: string;
  actions: Map<string, Action>;
}

export function bareFlow(doc: { StartAction: string; Actions: object[] }): BareFlow {
  const actions = new Map<string, Action>();
  for (const a of doc.Actions as Action[]) actions.set(a.Identifier, a);
  return { start: doc.StartAction, actions };
}

/** Runs the flow on the call; resolves with the queue the contact was sent to, or undefined. */
export async function runBare(
  flow: BareFlow,
  call: CallPort,
  contactId: string,
  deps: BareDeps,
): Promise<string | undefined> {
  const attributes: Record<string, string> = {};
  let external: Record<string, unknown> = {};
  let stored = '';
  let voice = 'Joanna';
  let queue: string | undefined;
  const value = (v: unknown): string => {
    const s = String(v);
    if (s === '$.StoredCustomerInput') return stored;
    if (s.startsWith('$.Attributes.')) return attributes[s.slice(13)] ?? '';
    if (s.startsWith('$.External.')) return String(external[s.slice(11)] ?? '');
    return s;
  };
  const text = (t: string) => t.replace(/\$\.Attributes\.(\w+)/g, (_, k: string) => attributes[k] ?? '');
  const speak = async (t: string) => {
    const spoken = await deps.voice.render({ text: text(t), voice });
    return spoken.status === 'ok' ? [`sound:${spoken.file}`] : undefined;
  };

  const run = async (a: Action): Promise<Result> => {
    const p = a.Parameters;
    switch (a.Type) {
      case 'UpdateFlowLoggingBehavior':
      case 'TagContact':
      case 'UpdateContactRoutingBehavior':
        return { kind: 'next' };
      case 'UpdateContactTextToSpeechVoice':
        voice = String(p.TextToSpeechVoice);
        return { kind: 'next' };
      case 'UpdateContactAttributes':
        for (const [k, v] of Object.entries(p.Attributes as Record<string, unknown>))
          attributes[k] = value(v);
        return { kind: 'next' };
      case 'UpdateContactTargetQueue':
        queue = String(p.QueueId);
        return { kind: 'next' };
      case 'Compare':
        return { kind: 'condition', value: value(p.ComparisonValue) };
      case 'CheckHoursOfOperation': {
        const hours = deps.instance.hoursOfOperation(String(p.HoursOfOperationId));
        const open = hours ? isOpen(hours, deps.clock.now()) : undefined;
        return open?.ok ? { kind: 'condition', value: open.open ? 'True' : 'False' } : { kind: 'error' };
      }
      case 'MessageParticipant': {
        const media = await speak(String(p.Text));
        const played = media ? await call.play(media) : undefined;
        return played?.status === 'done' ? { kind: 'next' } : { kind: 'error' };
      }
      case 'GetParticipantInput': {
        const media = await speak(String(p.Text));
        if (!media) return { kind: 'error' };
        const store = p.StoreInput === 'True';
        const got = await call.collectDigits({
          prompt: media,
          maxDigits: store ? 10 : 1,
          terminators: store ? '#' : '',
          firstDigitTimeoutMs: Number(p.InputTimeLimitSeconds) * 1000,
          interDigitTimeoutMs: 5000,
        });
        if (got.status !== 'digits') return { kind: 'error' };
        if (store) {
          stored = got.digits;
          return { kind: 'next' };
        }
        return { kind: 'condition', value: got.digits };
      }
      case 'Wait':
        await new Promise<void>((resolve) =>
          deps.clock.setTimeout(resolve, Number(p.TimeLimitSeconds) * 1000),
        );
        return { kind: 'condition', value: 'WaitCompleted' };
      case 'InvokeLambdaFunction': {
        const parameters: Record<string, string> = {};
        for (const [k, v] of Object.entries((p.LambdaInvocationAttributes ?? {}) as Record<string, unknown>))
          parameters[k] = value(v);
        const outcome = await deps.lambda.invoke({
          functionArn: String(p.LambdaFunctionARN),
          contact: {
            contactId,
            channel: 'VOICE',
            initiationMethod: 'INBOUND',
            instanceArn: deps.instance.arn,
            attributes,
          },
          parameters,
          timeLimitSeconds: String(p.InvocationTimeLimitSeconds),
        });
        if (outcome.status !== 'success') return { kind: 'error' };
        external = outcome.external;
        return { kind: 'next' };
      }
      case 'TransferContactToQueue':
        return { kind: 'end' };
      default:
        throw new Error(`the bare interpreter does not run ${a.Type}`);
    }
  };

  let id: string | undefined = flow.start;
  while (id !== undefined && !call.ended) {
    const action = flow.actions.get(id);
    if (!action) break;
    const result = await run(action);
    deps.onStep(action.Type);
    const t = action.Transitions;
    if (result.kind === 'end') return queue;
    if (result.kind === 'error') id = t.Errors?.[0]?.NextAction;
    else if (result.kind === 'condition')
      id =
        t.Conditions?.find((c) => c.Condition.Operands[0] === result.value)?.NextAction ??
        t.Errors?.[0]?.NextAction;
    else id = t.NextAction;
  }
  return undefined;
}
