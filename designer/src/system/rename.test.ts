import { type FlowModel, forEachTarget, toDocument, validateDocument } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { toGraph } from './graph.js';
import { isFriendlyName } from './metadata.js';
import { renameBlock, renameProblem } from './rename.js';
import { fixture } from './test-flows.js';

const targets = (model: FlowModel): string[] =>
  model.actions.flatMap((a) => {
    const out: string[] = [];
    if (a.transitions) forEachTarget(a.transitions, (t) => out.push(t));
    return out;
  });

describe('renaming a block', () => {
  it('makes the name its Identifier, as Connect does, and every reference follows', () => {
    const model = fixture('inbound-main-ivr.json');
    const start = model.startAction as string;
    const incoming = targets(model).filter((t) => t === start).length;
    const renamed = renameBlock(model, start, 'Set logging');
    expect(renamed.startAction).toBe('Set logging');
    expect(targets(renamed).filter((t) => t === 'Set logging').length).toBe(incoming);
    expect(isFriendlyName(renamed, 'Set logging')).toBe(true);
    const node = toGraph(renamed).nodes.find((n) => n.id === 'Set logging');
    expect(node?.data).toMatchObject({ label: 'Set logging', isStart: true });
    const keys = Object.keys(renamed.metadata?.ActionMetadata as object);
    expect(keys.indexOf('Set logging')).toBe(
      Object.keys(model.metadata?.ActionMetadata as object).indexOf(start),
    );
    const before = validateDocument(toDocument(model)).diagnostics.length;
    expect(validateDocument(toDocument(renamed)).diagnostics.length).toBe(before);
  });

  it('takes a name away with an empty one: a fresh Identifier and the catalog label', () => {
    const model = renameBlock(
      fixture('chat-inbound.json'),
      fixture('chat-inbound.json').startAction as string,
      'Hi',
    );
    const plain = renameBlock(model, 'Hi', '');
    const id = plain.startAction as string;
    expect(id).not.toBe('Hi');
    expect(isFriendlyName(plain, id)).toBe(false);
    expect(toGraph(plain).nodes.find((n) => n.id === id)?.data.isFriendlyName).toBe(false);
  });

  it('refuses a name the validator would refuse, with its code', () => {
    const model = fixture('inbound-main-ivr.json');
    const [a, b] = toGraph(model).nodes;
    if (!a || !b) throw new Error('fixture too small');
    expect(renameProblem(model, a.id, b.id)?.code).toBe('ACTION_ID_DUPLICATE');
    expect(renameProblem(model, a.id, 'a/b')?.code).toBe('ACTION_ID_FORBIDDEN_CHARACTER');
    expect(renameProblem(model, a.id, 'x'.repeat(51))?.code).toBe('ACTION_ID_TOO_LONG');
    expect(renameProblem(model, a.id, 'Main menu')).toBeUndefined();
    expect(renameBlock(model, a.id, b.id)).toBe(model);
    expect(renameBlock(model, 'nobody', 'x')).toBe(model);
  });

  it('moves annotations attached to the block along with it', () => {
    const model = fixture('inbound-main-ivr.json');
    const id = model.startAction as string;
    const noted: FlowModel = {
      ...model,
      metadata: { ...model.metadata, Annotations: [{ id: 'n1', actionId: id, content: 'why' }] },
    };
    const renamed = renameBlock(noted, id, 'Start here');
    expect(renamed.metadata?.Annotations).toEqual([{ id: 'n1', actionId: 'Start here', content: 'why' }]);
  });
});
