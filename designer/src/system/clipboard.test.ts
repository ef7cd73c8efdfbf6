import { type FlowModel, serialize, toModel, validateDocument } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { copyBlocks, pasteBlocks } from './clipboard.js';
import { toGraph } from './graph.js';
import { positionOf } from './metadata.js';
import { allFlows, fixture } from './test-flows.js';

const counter = () => {
  let n = 0;
  return () => `pasted-${++n}`;
};

/** Edges as source → handle → target, with Identifiers mapped through `names`. */
const wiring = (model: FlowModel, ids: readonly string[], names: (id: string) => string = (id) => id) =>
  toGraph(model)
    .edges.filter((e) => ids.includes(e.source) && ids.includes(e.target))
    .map((e) => `${names(e.source)} ${e.sourceHandle} ${names(e.target)}`)
    .sort();

describe('copy and paste', () => {
  it('keeps the edges between pasted blocks, under new Identifiers, on every fixture', () => {
    for (const { name, model } of allFlows().filter((f) => f.name.startsWith('fixtures/'))) {
      const ids = toGraph(model).nodes.map((n) => n.id);
      const fragment = JSON.parse(JSON.stringify(copyBlocks(model, ids)));
      const { model: pasted, ids: fresh } = pasteBlocks(model, fragment, { x: 40, y: 40 }, counter());
      expect(fresh.length, name).toBe(ids.length);
      for (const id of fresh) expect(ids, name).not.toContain(id);
      const back = new Map(fresh.map((id, i) => [id, ids[i] ?? '']));
      expect(wiring(model, ids).length, name).toBeGreaterThan(0);
      expect(
        wiring(pasted, fresh, (id) => back.get(id) ?? id),
        name,
      ).toEqual(wiring(model, ids));
      expect(validateDocument(JSON.parse(serialize(pasted))).model, name).toBeDefined();
    }
  });

  it('drops branches to blocks that were not copied and moves the blocks by the offset', () => {
    const model = fixture('inbound-main-ivr.json');
    const [a, b] = toGraph(model).nodes;
    if (!a || !b) throw new Error('fixture too small');
    const { model: pasted, ids } = pasteBlocks(
      model,
      copyBlocks(model, [a.id]),
      { x: 100, y: -20 },
      counter(),
    );
    expect(ids).toEqual(['pasted-1']);
    expect(toGraph(pasted).edges.filter((e) => e.source === 'pasted-1')).toEqual([]);
    expect(positionOf(pasted, 'pasted-1')).toEqual({ x: a.position.x + 100, y: a.position.y - 20 });
    expect(pasted.actions.slice(0, model.actions.length)).toEqual(model.actions);
  });

  it('pastes the clipboard’s text, keeps a free friendly name and numbers a taken one', () => {
    const model = toModel({
      Version: '2019-10-30',
      StartAction: 'Welcome',
      Metadata: { ActionMetadata: { Welcome: { position: { x: 0, y: 0 }, isFriendlyName: true } } },
      Actions: [
        { Identifier: 'Welcome', Type: 'MessageParticipant', Parameters: { Text: 'Hi' }, Transitions: {} },
      ],
    }) as FlowModel;
    const text = JSON.stringify(copyBlocks(model, ['Welcome']));
    const once = pasteBlocks(model, text, { x: 10, y: 10 }, counter());
    expect(once.ids).toEqual(['Welcome 2']);
    expect(toGraph(once.model).nodes[1]?.data).toMatchObject({ label: 'Welcome 2', isFriendlyName: true });
    const elsewhere = toModel({ Version: '2019-10-30', Actions: [] }) as FlowModel;
    expect(pasteBlocks(elsewhere, text, { x: 0, y: 0 }).ids).toEqual(['Welcome']);
  });

  it('pastes nothing from text that is not a flow', () => {
    const model = fixture('chat-inbound.json');
    for (const junk of ['hello', '{"Version":"2019-10-30"}', '[1,2]', 42, null, { Actions: 'x' }]) {
      const { model: after, ids } = pasteBlocks(model, junk, { x: 0, y: 0 });
      expect(after).toBe(model);
      expect(ids).toEqual([]);
    }
  });

  it('copies a fragment that is itself flow JSON with every copied block’s metadata and position', () => {
    const model = fixture('inbound-main-ivr.json');
    const ids = toGraph(model)
      .nodes.slice(0, 4)
      .map((n) => n.id);
    const fragment = copyBlocks(model, ids) as {
      Version: string;
      Actions: { Identifier: string }[];
      Metadata: { ActionMetadata: object };
    };
    expect(fragment.Version).toBe('2019-10-30');
    expect(fragment.Actions.map((a) => a.Identifier)).toEqual(ids);
    expect(Object.keys(fragment.Metadata.ActionMetadata)).toEqual(ids);
  });
});
