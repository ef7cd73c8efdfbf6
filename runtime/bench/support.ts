// What the runtime benchmarks share: the IVRs they call, the local HTTP function their Lambda block
// invokes, the instance around them, and the arithmetic of their figures.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Instance } from '../src/contact/instance.js';
import type { RealWork } from '../src/contact/simulate.js';
import type { FlowTarget } from '../src/executors/types.js';
import {
  type LambdaOutcome,
  LambdaPort,
  type LambdaPortOptions,
  type LambdaRequest,
} from '../src/integrations/lambda.js';

/** A Monday 11:00 in New York: inside the bench hours. */
export const BENCH_START = Date.parse('2025-06-02T15:00:00Z');
export const BENCH_NUMBER = '+18005550100';
export const LAMBDA_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:bench-lookup';

const act = (id: string, type: string, parameters: object, next?: string, extra: object = {}) => ({
  Identifier: id,
  Type: type,
  Parameters: parameters,
  Transitions: { ...(next ? { NextAction: next } : {}), ...extra },
});
const onError = (next: string) => ({ Errors: [{ NextAction: next, ErrorType: 'NoMatchingError' }] });
const when = (next: string, operator: string, value: string) => ({
  Conditions: [{ NextAction: next, Condition: { Operator: operator, Operands: [value] } }],
});

const flowDoc = (name: string, start: string, actions: object[]) => ({
  Version: '2019-10-30',
  StartAction: start,
  Metadata: { name, type: 'contactFlow' },
  Actions: actions,
});

/**
 * Twenty blocks, every one executed by every contact that presses 1 at the menu and enters 12345#:
 * prompts, a DTMF menu, stored input, attributes, a Lambda, a Wait, an hours check and a transfer
 * to queue. Its prompts, in order: welcome, menu, account, thanks, hold.
 */
export const IVR_20 = flowDoc('Bench IVR', 'log', [
  act('log', 'UpdateFlowLoggingBehavior', { FlowLoggingBehavior: 'Enabled' }, 'voice'),
  act('voice', 'UpdateContactTextToSpeechVoice', { TextToSpeechVoice: 'Joanna' }, 'attrs', onError('attrs')),
  act(
    'attrs',
    'UpdateContactAttributes',
    { Attributes: { tier: 'gold', entry: 'bench' }, TargetContact: 'Current' },
    'welcome',
    onError('welcome'),
  ),
  act('welcome', 'MessageParticipant', { Text: 'Welcome to the benchmark.' }, 'hours', onError('hours')),
  act('hours', 'CheckHoursOfOperation', { HoursOfOperationId: 'h-1' }, 'tier', {
    ...when('tier', 'Equals', 'True'),
    ...onError('tier'),
  }),
  act('tier', 'Compare', { ComparisonValue: '$.Attributes.tier' }, 'menu', when('menu', 'Equals', 'gold')),
  act(
    'menu',
    'GetParticipantInput',
    { Text: 'For sales press 1.', StoreInput: 'False', InputTimeLimitSeconds: '5' },
    'choice',
    { ...when('choice', 'Equals', '1'), ...onError('choice') },
  ),
  act(
    'choice',
    'UpdateContactAttributes',
    { Attributes: { menu: 'sales' }, TargetContact: 'Current' },
    'pause',
    onError('pause'),
  ),
  act('pause', 'Wait', { TimeLimitSeconds: '1' }, 'tag', {
    ...when('tag', 'Equals', 'WaitCompleted'),
    ...onError('tag'),
  }),
  act('tag', 'TagContact', { Tags: { campaign: 'bench' } }, 'account', onError('account')),
  act(
    'account',
    'GetParticipantInput',
    {
      Text: 'Enter your account number and press pound.',
      StoreInput: 'True',
      InputTimeLimitSeconds: '5',
      InputValidation: { CustomValidation: { MaximumLength: '10' } },
    },
    'save',
    onError('save'),
  ),
  act(
    'save',
    'UpdateContactAttributes',
    { Attributes: { account: '$.StoredCustomerInput' }, TargetContact: 'Current' },
    'known',
    onError('known'),
  ),
  act(
    'known',
    'Compare',
    { ComparisonValue: '$.Attributes.account' },
    'lookup',
    when('lookup', 'Equals', '12345'),
  ),
  act(
    'lookup',
    'InvokeLambdaFunction',
    {
      LambdaFunctionARN: LAMBDA_ARN,
      InvocationTimeLimitSeconds: '3',
      LambdaInvocationAttributes: { account: '$.Attributes.account' },
    },
    'name',
    onError('name'),
  ),
  act(
    'name',
    'UpdateContactAttributes',
    { Attributes: { name: '$.External.name' }, TargetContact: 'Current' },
    'thanks',
    onError('thanks'),
  ),
  act('thanks', 'MessageParticipant', { Text: 'Thank you, $.Attributes.name.' }, 'queue', onError('queue')),
  act('queue', 'UpdateContactTargetQueue', { QueueId: 'q-sales' }, 'priority', onError('priority')),
  act('priority', 'UpdateContactRoutingBehavior', { QueuePriority: '2' }, 'hold', onError('hold')),
  act(
    'hold',
    'MessageParticipant',
    { Text: 'Please hold for the next agent.' },
    'transfer',
    onError('transfer'),
  ),
  act('transfer', 'TransferContactToQueue', {}, undefined, onError('transfer')),
]);

/**
 * Ten blocks for the load run against a PBX: a prompt, an hours check, a one-key menu, a Lambda,
 * attributes and a transfer to queue. Its prompts: welcome, menu, thanks.
 */
export const IVR_10 = flowDoc('Load IVR', 'log', [
  act('log', 'UpdateFlowLoggingBehavior', { FlowLoggingBehavior: 'Enabled' }, 'attrs'),
  act(
    'attrs',
    'UpdateContactAttributes',
    { Attributes: { entry: 'load' }, TargetContact: 'Current' },
    'welcome',
    onError('welcome'),
  ),
  act('welcome', 'MessageParticipant', { Text: 'Welcome.' }, 'hours', onError('hours')),
  act('hours', 'CheckHoursOfOperation', { HoursOfOperationId: 'h-1' }, 'menu', {
    ...when('menu', 'Equals', 'True'),
    ...onError('menu'),
  }),
  act(
    'menu',
    'GetParticipantInput',
    { Text: 'For sales press 1.', StoreInput: 'False', InputTimeLimitSeconds: '5' },
    'lookup',
    { ...when('lookup', 'Equals', '1'), ...onError('lookup') },
  ),
  act(
    'lookup',
    'InvokeLambdaFunction',
    { LambdaFunctionARN: LAMBDA_ARN, InvocationTimeLimitSeconds: '3' },
    'name',
    onError('name'),
  ),
  act(
    'name',
    'UpdateContactAttributes',
    { Attributes: { name: '$.External.name' }, TargetContact: 'Current' },
    'thanks',
    onError('thanks'),
  ),
  act('thanks', 'MessageParticipant', { Text: 'Thank you, $.Attributes.name.' }, 'queue', onError('queue')),
  act('queue', 'UpdateContactTargetQueue', { QueueId: 'q-sales' }, 'transfer', onError('transfer')),
  act('transfer', 'TransferContactToQueue', {}, undefined, onError('transfer')),
]);

export interface LocalFunction {
  /** `http://127.0.0.1:<port>/lookup`. */
  url: string;
  readonly invocations: number;
  close(): Promise<void>;
}

/** The Lambda the IVRs invoke, as a local HTTP function answering what a CRM lookup would. */
export async function startLocalFunction(): Promise<LocalFunction> {
  let invocations = 0;
  const reply = JSON.stringify({ name: 'Ada', tier: 'gold' });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      invocations++;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': reply.length });
      res.end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/lookup`,
    get invocations() {
      return invocations;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An instance with the IVR's hours, queue and function, the IVR published on BENCH_NUMBER. */
export function benchInstance(ivr: object, lambdaUrl: string): { instance: Instance; flow: FlowTarget } {
  const instance = new Instance();
  instance.addHours({
    id: 'h-1',
    timeZone: 'America/New_York',
    config: (['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const).map((Day) => ({
      Day,
      StartTime: { Hours: 8, Minutes: 0 },
      EndTime: { Hours: 20, Minutes: 0 },
    })),
  });
  instance.addQueue({ id: 'q-sales', name: 'Sales', hoursOfOperation: 'h-1' });
  instance.addFunction({ arn: LAMBDA_ARN, resource: { kind: 'http', url: lambdaUrl } });
  const loaded = instance.loadFlow(Buffer.from(JSON.stringify(ivr)), { id: 'bench-ivr' });
  if (!loaded.ok) throw new Error('the bench IVR should load');
  instance.addPhoneNumber(BENCH_NUMBER, 'bench-ivr');
  return { instance, flow: loaded.flow };
}

export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export const percentile = (sorted: Float64Array, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

/**
 * The Lambda port the simulated clock waits for (a request takes no simulated time), telling
 * `answered` whose function answered.
 */
export class BenchLambda extends LambdaPort {
  readonly #work: RealWork;
  readonly #answered: (contactId: string) => void;

  constructor(options: LambdaPortOptions, work: RealWork, answered: (contactId: string) => void) {
    super(options);
    this.#work = work;
    this.#answered = answered;
  }

  override async invoke(request: LambdaRequest): Promise<LambdaOutcome> {
    const outcome = await this.#work.track(super.invoke(request));
    this.#answered(request.contact.contactId);
    return outcome;
  }
}
