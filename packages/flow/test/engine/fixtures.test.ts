/**
 * Every fixture flow compiles and runs to an end. Blocks the engine decides itself run for real;
 * the others are stubs that take their first branch (the first condition, else NextAction), and
 * terminal ones end the flow, so each run walks a real path of the flow.
 */
import { describe, expect, it } from 'vitest';
import {
  compile,
  type EngineEnv,
  type Executor,
  edgesOf,
  getBlock,
  indexActions,
  loadFlow,
  PURE_DECIDERS,
  pureExecutors,
  resolveValue,
} from '../../src/index.js';
import { contact, env, fixtureFlows, OFFICE_HOURS, returns, run } from './support.js';

/** An instance that has whatever the flows reference, so pure blocks take their success branches. */
const permissive: EngineEnv = {
  ...env(Date.parse('2025-06-02T15:00:00Z')),
  queue: (ref) => ({ id: ref, arn: ref, name: ref.split('/').pop() ?? ref, hoursOfOperationId: 'h-office' }),
  hoursOfOperation: () => OFFICE_HOURS,
};

const firstBranch: Executor = returns(({ action, contact: c }) => {
  if (getBlock(action.type)?.terminal) return { outcome: { kind: 'end', reason: 'endFlow' } };
  const first = action.transitions?.conditions?.[0];
  if (first?.operands?.length) {
    const r = resolveValue(first.operands[0], c);
    return { outcome: { kind: 'condition', value: r.ok ? (r.value ?? null) : null } };
  }
  return { outcome: { kind: 'next' } };
});

describe.each(fixtureFlows())('fixture $name', ({ json }) => {
  it('compiles and runs to an end along a valid path', async () => {
    const loaded = loadFlow({ json });
    const model = loaded.model;
    if (!model) throw new Error('fixture did not load');
    const compiled = compile(model);
    const stubs = Object.fromEntries(
      compiled.blockTypes.filter((t) => !PURE_DECIDERS[t]).map((t) => [t, firstBranch]),
    );
    const out = await run(
      compiled,
      { ...pureExecutors(permissive), ...stubs },
      contact({
        CustomerEndpoint: { Address: '+15550001111', Type: 'TELEPHONE_NUMBER' },
        SystemEndpoint: { Address: '+18005550100', Type: 'TELEPHONE_NUMBER' },
        StoredCustomerInput: '+15550002222',
        External: { firstName: 'Ana', tier: 'gold' },
      }),
    );

    expect([
      'disconnect',
      'endFlow',
      'endModule',
      'transferToFlow',
      'transferToQueue',
      'transferToAgent',
      'noTransition',
    ]).toContain(out.end.reason);
    expect(out.path[0]).toBe(model.startAction);
    const actions = indexActions(model);
    for (let i = 1; i < out.path.length; i++) {
      const from = actions.get(out.path[i - 1] ?? '');
      if (!from) throw new Error(`unknown action ${out.path[i - 1]}`);
      expect(edgesOf(from).map((e) => e.target)).toContain(out.path[i]);
    }
    // Only blocks without a success path of their own may fail here.
    for (const s of out.steps)
      if (s.outcome.kind === 'error')
        expect(s.log?.results ?? '').not.toMatch(/ENGINE_PATH|ENGINE_NO_EXECUTOR|ENGINE_BAD/);
  });
});
