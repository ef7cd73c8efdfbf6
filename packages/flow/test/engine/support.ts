/** Builders shared by the engine tests: actions, flows, an in-memory instance, a running flow. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ActionNode,
  type CompiledFlow,
  type Contact,
  type ContactInit,
  compile,
  createContact,
  type Decider,
  type EngineEnv,
  type Executor,
  type ExecutorInput,
  type FlowModel,
  type FlowOutput,
  type HoursOfOperation,
  PURE_DECIDERS,
  pureExecutors,
  type QueueInfo,
  type StepEvent,
  type StepResult,
  startFlow,
  toModel,
} from '../../src/index.js';
import { repoRoot } from '../support/paths.js';

export const contact = (init: Partial<ContactInit> = {}): Contact =>
  createContact({ ContactId: 'c0ffee00-0000-4000-8000-000000000001', ...init });

/** An action as the model holds it, from the document's shape. */
export function action(a: {
  Identifier?: string;
  Type: string;
  Parameters?: Record<string, unknown>;
  Transitions?: Record<string, unknown>;
}): ActionNode {
  const model = flow([{ Identifier: 'a', ...a }]);
  const node = model.actions[0];
  if (!node) throw new Error('no action');
  return node;
}

/** A 2019-10-30 flow model from its actions; the first one starts. */
export function flow(actions: Record<string, unknown>[], startAction?: string): FlowModel {
  const model = toModel({
    Version: '2019-10-30',
    StartAction: startAction ?? actions[0]?.Identifier,
    Actions: actions.map((a) => ({ Parameters: {}, Transitions: {}, ...a })),
  });
  if (!model) throw new Error('not a flow');
  return model;
}

export const QUEUE_ARN = 'arn:aws:connect:us-east-1:123456789012:instance/i-1/queue/q-sales';
export const HOURS_ARN = 'arn:aws:connect:us-east-1:123456789012:instance/i-1/operating-hours/h-office';

export const OFFICE_HOURS: HoursOfOperation = {
  HoursOfOperationId: 'h-office',
  HoursOfOperationArn: HOURS_ARN,
  Name: 'Office',
  TimeZone: 'America/New_York',
  Config: (['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const).map((Day) => ({
    Day,
    StartTime: { Hours: 9, Minutes: 0 },
    EndTime: { Hours: 17, Minutes: 0 },
  })),
};

const SALES: QueueInfo = {
  id: 'q-sales',
  arn: QUEUE_ARN,
  name: 'Sales',
  outboundCallerId: { Address: '+18005550100', Type: 'TELEPHONE_NUMBER' },
  hoursOfOperationId: 'h-office',
};

/** An instance with one queue (Sales), one agent (alice) and office hours; the clock is fixed. */
export function env(now = Date.parse('2025-06-02T15:00:00Z'), more: Partial<EngineEnv> = {}): EngineEnv {
  const byRef =
    <T extends { id: string; arn: string }>(items: T[]) =>
    (ref: string) =>
      items.find((i) => i.id === ref || i.arn === ref);
  return {
    now: () => now,
    queue: byRef([SALES]),
    agentQueue: byRef([
      {
        id: 'alice',
        arn: 'arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/alice',
        name: 'alice',
        agentId: 'alice',
      },
    ]),
    hoursOfOperation: (ref) =>
      [OFFICE_HOURS].find((h) => h.HoursOfOperationId === ref || h.HoursOfOperationArn === ref),
    ...more,
  };
}

/** An executor that always returns the same step. */
export const returns =
  (result: StepResult | ((input: ExecutorInput) => StepResult)): Executor =>
  async (input) =>
    typeof result === 'function' ? result(input) : result;

/** Runs a compiled flow to its end with the given executors; returns the output and every step event. */
export async function run(
  compiled: CompiledFlow,
  executors: Record<string, Executor>,
  start: Contact = contact(),
): Promise<FlowOutput & { steps: StepEvent[] }> {
  const steps: StepEvent[] = [];
  const output = await startFlow(compiled, {
    executors,
    input: { contact: start },
    onStep: (e) => steps.push(e),
  }).done;
  return { ...output, steps };
}

export const runFlow = (model: FlowModel, executors: Record<string, Executor> = {}, start?: Contact) =>
  run(compile(model), { ...pureExecutors(env()), ...executors }, start);

export const fixtureFlows = (): { name: string; json: unknown }[] => {
  const dir = join(repoRoot, 'fixtures/flows');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, json: JSON.parse(readFileSync(join(dir, name), 'utf8')) }));
};

/** The pure decider of a block type; throws when there is none. */
export function deciderOf(type: string): Decider {
  const d = PURE_DECIDERS[type];
  if (!d) throw new Error(`no decider for ${type}`);
  return d;
}
