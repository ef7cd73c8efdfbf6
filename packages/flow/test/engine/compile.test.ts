import { describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import {
  CompiledFlowCache,
  compile,
  compiledFlows,
  createContact,
  type Executor,
  type ExecutorInput,
  pureExecutors,
  RECENT_PATH_LENGTH,
  type StepResult,
  startFlow,
} from '../../src/index.js';
import { contact, env, flow, returns, run, runFlow } from './support.js';

const say = (id: string, next?: string, extra: Record<string, unknown> = {}) => ({
  Identifier: id,
  Type: 'MessageParticipant',
  Parameters: { Text: id },
  Transitions: next
    ? { NextAction: next, Errors: [{ NextAction: 'bye', ErrorType: 'NoMatchingError' }] }
    : {},
  ...extra,
});
const bye = { Identifier: 'bye', Type: 'DisconnectParticipant' };
const ok = returns({ outcome: { kind: 'next' } });

describe('compile', () => {
  it('makes one state per action plus a final state', () => {
    const compiled = compile(flow([say('hello', 'bye'), bye]));
    expect(Object.keys(compiled.machine.config.states ?? {})).toEqual(['a0', 'a1', 'end']);
    expect(compiled.stateKeys).toEqual(
      new Map([
        ['hello', 'a0'],
        ['bye', 'a1'],
      ]),
    );
    expect(compiled.blockTypes).toEqual(['MessageParticipant', 'DisconnectParticipant']);
  });

  it('runs from StartAction and records the Identifiers executed', async () => {
    const out = await runFlow(flow([say('hello', 'menu'), say('menu', 'bye'), bye]), {
      MessageParticipant: ok,
    });
    expect(out.path).toEqual(['hello', 'menu', 'bye']);
    expect(out.end).toEqual({ reason: 'disconnect', at: 'bye' });
  });

  it('invokes the executor named after the block type with the action and contact', async () => {
    const seen: ExecutorInput[] = [];
    const spy = returns((input) => {
      seen.push(input);
      return { outcome: { kind: 'next' } };
    });
    await runFlow(
      flow([say('hello', 'bye'), bye]),
      { MessageParticipant: spy },
      contact({ ContactId: 'c-7' }),
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      action: { id: 'hello', type: 'MessageParticipant' },
      contact: { ContactId: 'c-7' },
      step: 1,
    });
  });

  it('applies each step’s contact patch before the next block runs', async () => {
    const seen: string[] = [];
    const model = flow([
      {
        Identifier: 'set',
        Type: 'UpdateContactAttributes',
        Parameters: { Attributes: { name: 'Ana' } },
        Transitions: { NextAction: 'hello' },
      },
      say('hello', 'bye'),
      bye,
    ]);
    const out = await runFlow(model, {
      MessageParticipant: returns(({ contact: c }) => {
        seen.push(c.Attributes.name ?? '');
        return { outcome: { kind: 'next' }, contactPatch: { StoredCustomerInput: 'x' } };
      }),
    });
    expect(seen).toEqual(['Ana']);
    expect(out.contact.StoredCustomerInput).toBe('x');
  });

  it('ends the flow where a branch leads nowhere', async () => {
    const out = await runFlow(flow([say('hello')]), { MessageParticipant: ok });
    expect(out.end).toEqual({ reason: 'noTransition', at: 'hello' });
  });

  it('ends the flow on a branch to an action that does not exist, saying so', async () => {
    const out = await runFlow(flow([say('hello', 'ghost')]), { MessageParticipant: ok });
    expect(out.end).toMatchObject({
      reason: 'noTransition',
      at: 'hello',
      error: { code: 'ENGINE_NO_SUCH_ACTION' },
    });
  });

  it('ends at once when StartAction names no action', async () => {
    const out = await runFlow(flow([say('hello', 'bye'), bye], 'nowhere'), { MessageParticipant: ok });
    expect(out.path).toEqual([]);
    expect(out.end).toEqual({ reason: 'noTransition' });
  });

  it('takes NoMatchingError for a block the runtime gave no executor', async () => {
    const steps = (await runFlow(flow([say('hello', 'never'), bye]))).steps;
    expect(steps[0]?.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(steps[0]?.log?.results).toMatch(/^ENGINE_NO_EXECUTOR/);
    expect(steps.map((s) => s.identifier)).toEqual(['hello', 'bye']);
  });

  it('carries an end outcome’s reason and target out of the machine', async () => {
    const model = flow([{ Identifier: 'go', Type: 'TransferToFlow', Parameters: { ContactFlowId: 'f-2' } }]);
    const out = await runFlow(model, {
      TransferToFlow: returns({ outcome: { kind: 'end', reason: 'transferToFlow', target: 'f-2' } }),
    });
    expect(out.end).toEqual({ reason: 'transferToFlow', target: 'f-2', at: 'go' });
  });

  it('ends with a fault when an executor throws or returns something that is not a step', async () => {
    const thrown = await runFlow(flow([say('hello', 'bye'), bye]), {
      MessageParticipant: async () => {
        throw new Error('socket closed');
      },
    });
    expect(thrown.end).toMatchObject({
      reason: 'fault',
      at: 'hello',
      error: { code: 'ENGINE_EXECUTOR_FAILED' },
    });
    const junk = await runFlow(flow([say('hello', 'bye'), bye]), {
      MessageParticipant: returns({ nope: 1 } as never),
    });
    expect(junk.end).toMatchObject({ reason: 'fault', error: { code: 'ENGINE_BAD_STEP' } });
  });

  it('stops a flow that loops without end at the step limit', async () => {
    const spin = flow([
      {
        Identifier: 'x',
        Type: 'Compare',
        Parameters: { ComparisonValue: '$.Channel' },
        Transitions: { NextAction: 'y' },
      },
      {
        Identifier: 'y',
        Type: 'Compare',
        Parameters: { ComparisonValue: '$.Channel' },
        Transitions: { NextAction: 'x' },
      },
    ]);
    const out = await run(compile(spin, { maxSteps: 50 }), pureExecutors(env()));
    expect(out.end).toMatchObject({ reason: 'stepLimit' });
    expect(out.steps).toHaveLength(50);
  });

  it('keeps only the latest Identifiers of a long run in context, the running one last', async () => {
    const loop = (id: string, next: string) => ({
      Identifier: id,
      Type: 'Compare',
      Parameters: { ComparisonValue: '$.Channel' },
      Transitions: { NextAction: next },
    });
    const steps = RECENT_PATH_LENGTH * 10 + 1;
    const out = await run(
      compile(flow([loop('x', 'y'), loop('y', 'x')]), { maxSteps: steps }),
      pureExecutors(env()),
    );
    expect(out.end).toMatchObject({ reason: 'stepLimit', at: 'x' });
    expect(out.path).toHaveLength(RECENT_PATH_LENGTH);
    expect(out.path.at(-1)).toBe('x');
    expect(out.path.slice(-3)).toEqual(['x', 'y', 'x']);
  });

  it('accepts Identifiers that XState would read as paths', async () => {
    const model = flow([
      say('Welcome prompt. #1', 'Say goodbye: v2.0'),
      say('Say goodbye: v2.0', 'bye'),
      bye,
    ]);
    const out = await runFlow(model, { MessageParticipant: ok });
    expect(out.path).toEqual(['Welcome prompt. #1', 'Say goodbye: v2.0', 'bye']);
  });

  it('emits a step event per block, with branch, next action and logging before and after', async () => {
    const model = flow([
      {
        Identifier: 'log',
        Type: 'UpdateFlowLoggingBehavior',
        Parameters: { FlowLoggingBehavior: 'Enabled' },
        Transitions: { NextAction: 'cmp' },
      },
      {
        Identifier: 'cmp',
        Type: 'Compare',
        Parameters: { ComparisonValue: '$.Channel' },
        Transitions: {
          NextAction: 'bye',
          Conditions: [{ NextAction: 'bye', Condition: { Operator: 'Equals', Operands: ['VOICE'] } }],
        },
      },
      bye,
    ]);
    const { steps } = await runFlow(model);
    expect(steps.map((s) => [s.identifier, s.loggingBefore, s.loggingAfter, s.next])).toEqual([
      ['log', false, true, 'cmp'],
      ['cmp', true, true, 'bye'],
      ['bye', true, true, undefined],
    ]);
    expect(steps[1]?.branch).toEqual({ kind: 'condition', index: 0 });
    expect(steps[1]?.log).toEqual({ results: 'VOICE', parameters: { ComparisonValue: 'VOICE' } });
  });

  it('keeps only plain data in context, so a snapshot persists and resumes', async () => {
    let release: (r: StepResult) => void = () => {};
    let aborted = false;
    const waiting: Executor = (_input, signal) => {
      signal.addEventListener('abort', () => (aborted = true));
      return new Promise((resolve) => (release = resolve));
    };
    const model = flow([
      {
        Identifier: 'set',
        Type: 'UpdateContactAttributes',
        Parameters: { Attributes: { a: '1' } },
        Transitions: { NextAction: 'hello' },
      },
      say('hello', 'bye'),
      bye,
    ]);
    const compiled = compile(model);
    const first = startFlow(compiled, {
      executors: { ...pureExecutors(env()), MessageParticipant: waiting },
      input: { contact: contact() },
    });
    await waitFor(first.actor, (s) => s.context.path.length === 2);
    const saved = JSON.parse(JSON.stringify(first.persisted()));
    first.stop();
    expect(aborted).toBe(true);
    // A result that arrives after the stop reaches no machine.
    release({ outcome: { kind: 'next' } });
    expect(saved.context.contact.Attributes).toEqual({ a: '1' });
    expect(saved.context.path).toEqual(['set', 'hello']);
    expect(saved.children).toEqual({});

    const said: string[] = [];
    const out = await startFlow(compiled, {
      executors: {
        ...pureExecutors(env()),
        MessageParticipant: (input) => {
          said.push(input.action.id);
          return { outcome: { kind: 'next' } };
        },
      },
      snapshot: saved,
    }).done;
    // The interrupted block runs again, once; nothing before it does.
    expect(said).toEqual(['hello']);
    expect(out.path).toEqual(['set', 'hello', 'bye']);
    expect(out.contact.Attributes).toEqual({ a: '1' });
    expect(first.actor.getSnapshot().status).toBe('stopped');
  });

  it('caches compiled flows by the key the caller gives', () => {
    const model = flow([say('hello', 'bye'), bye]);
    const a = compile(model, { key: 'sha256:abc' });
    expect(compile(model, { key: 'sha256:abc' })).toBe(a);
    expect(compile(model, { key: 'sha256:def' })).not.toBe(a);
    expect(compile(model)).not.toBe(compile(model));
    expect(compiledFlows.get('sha256:abc')).toBe(a);
  });

  it('drops the least recently used flow when the cache is full', () => {
    const cache = new CompiledFlowCache(2);
    const model = flow([bye]);
    const [a, b, c] = ['a', 'b', 'c'].map((key) => ({ ...compile(model), key }));
    if (!a || !b || !c) throw new Error('no flows');
    cache.set(a);
    cache.set(b);
    cache.get('a');
    cache.set(c);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(a);
    expect(cache.size).toBe(2);
  });

  it('runs independent contacts on one compiled machine', async () => {
    const compiled = compile(flow([say('hello', 'bye'), bye]), { key: 'shared' });
    const outs = await Promise.all(
      ['c1', 'c2', 'c3'].map((id) =>
        run(compiled, { ...pureExecutors(env()), MessageParticipant: ok }, createContact({ ContactId: id })),
      ),
    );
    expect(outs.map((o) => o.contact.ContactId)).toEqual(['c1', 'c2', 'c3']);
  });
});
