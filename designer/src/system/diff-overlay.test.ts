import { readFileSync } from 'node:fs';
import { type FlowModel, loadFlow } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { compareFlows } from './diff-overlay.js';
import { addBlock, connect, moveBlocks, removeBlocks, setParameters } from './edit.js';
import { toGraph } from './graph.js';
import { renameBlock } from './rename.js';

/** The demo's Bank menu: Welcome → Menu (1 Balance, 2 Cards, 0 Agent, else Sorry) → Goodbye. */
function bankMenu(): FlowModel {
  const text = readFileSync(new URL('../../../fixtures/runs/menu-dtmf/flow.json', import.meta.url), 'utf8');
  const { model } = loadFlow(text);
  if (!model) throw new Error('the fixture should load');
  return model;
}

const compare = (after: (m: FlowModel) => FlowModel) => {
  const before = bankMenu();
  return compareFlows(before, after(before), 'Changes');
};

describe('comparing two versions for the canvas', () => {
  it('marks an added block and its edges added, and the branch that now leads to it rewired', () => {
    const { overlay, entries } = compare((m) =>
      connect(addBlock(m, 'MessageParticipant', { x: 900, y: 40 }, 'Promo'), 'Welcome', 'next', 'Promo'),
    );
    expect(overlay.blocks.get('Promo')).toBe('added');
    expect(overlay.edges.get('Welcome->next')).toBe('rewired');
    expect(overlay.ghosts?.nodes ?? []).toEqual([]);
    expect(entries.map((e) => [e.kind, e.blockId])).toEqual([
      ['added', 'Promo'],
      ['rewired', 'Welcome'],
    ]);
    expect(entries[1]?.details[0]).toMatch(/^Success: .*\(Menu\) → .*\(Promo\)$/);
  });

  it('brings a removed block back as a ghost at its old place, with its edges and the one into it', () => {
    const before = bankMenu();
    const { overlay, entries } = compareFlows(before, removeBlocks(before, ['Cards']), 'Changes');
    const old = toGraph(before).nodes.find((n) => n.id === 'Cards');
    const ghost = overlay.ghosts?.nodes.find((n) => n.id === 'Cards');
    expect(overlay.blocks.get('Cards')).toBe('removed');
    expect(ghost?.data.blockType).toBe('MessageParticipant');
    expect(ghost?.position.x).toBe(old?.position.x);
    const ghostEdges = overlay.ghosts?.edges.map((e) => [e.id, e.source, e.target]);
    expect(ghostEdges).toContainEqual(['Cards->next', 'Cards', 'Goodbye']);
    expect(ghostEdges).toContainEqual(['Menu->condition:1@before', 'Menu', 'Cards']);
    expect(overlay.edges.get('Cards->next')).toBe('removed');
    expect(overlay.edges.get('Menu->condition:1@before')).toBe('removed');
    expect(entries.find((e) => e.kind === 'rewired')?.details).toEqual([
      expect.stringMatching(/^Equals 2: .*\(Cards\) → \(unconnected\)$/),
    ]);
  });

  it('keeps a ghost off a block the grid moved into its old place', () => {
    const before = bankMenu();
    const { overlay } = compareFlows(before, removeBlocks(before, ['Cards']), 'Changes');
    const drawn = toGraph(removeBlocks(before, ['Cards'])).nodes.map((n) => n.position);
    const ghost = overlay.ghosts?.nodes[0]?.position;
    expect(drawn.some((p) => p.x === ghost?.x && p.y === ghost?.y)).toBe(false);
  });

  it('marks a block whose parameter changed and says what changed', () => {
    const { overlay, entries } = compare((m) => setParameters(m, 'Welcome', { Text: 'Hello from Parley.' }));
    expect(overlay.blocks.get('Welcome')).toBe('changed');
    expect(overlay.edges.size).toBe(0);
    expect(entries).toEqual([
      {
        kind: 'changed',
        blockId: 'Welcome',
        block: expect.stringContaining('(Welcome)'),
        details: ['Parameters/Text: "Welcome to Parley Bank." → "Hello from Parley."'],
      },
    ]);
  });

  it('marks a rewired menu branch and keeps its old edge as a ghost', () => {
    const { overlay, entries } = compare((m) => connect(m, 'Menu', 'condition:0', 'Agent'));
    expect(overlay.edges.get('Menu->condition:0')).toBe('rewired');
    expect(overlay.ghosts?.edges).toEqual([
      expect.objectContaining({
        id: 'Menu->condition:0@before',
        sourceHandle: 'condition:0',
        target: 'Balance',
      }),
    ]);
    expect(overlay.edges.get('Menu->condition:0@before')).toBe('removed');
    expect([...overlay.blocks]).toEqual([]);
    expect(entries.map((e) => e.kind)).toEqual(['rewired']);
  });

  it('shows a renamed block as changed, not as one removed and one added', () => {
    const { overlay, entries } = compare((m) => renameBlock(m, 'Sorry', 'Try again'));
    expect([...overlay.blocks]).toEqual([['Try again', 'changed']]);
    expect(overlay.ghosts).toBeUndefined();
    // The branches that led to Sorry lead to the same block under its new name: nothing rewired.
    expect(overlay.edges.size).toBe(0);
    expect(entries).toEqual([
      { kind: 'renamed', blockId: 'Try again', block: 'Try again', details: ['Renamed from Sorry'] },
    ]);
  });

  it('tells a renamed block that also changed apart from a removed one by its type', () => {
    const before = bankMenu();
    const after = setParameters(renameBlock(before, 'Agent', 'No agents'), 'No agents', { Text: 'Later.' });
    // Agent had no saved position and new text: nothing says it is the same block.
    expect(compareFlows(before, after, 'x').overlay.blocks.get('Agent')).toBe('removed');
    const placed = moveBlocks(before, { Agent: { x: 10, y: 20 } });
    const renamed = setParameters(renameBlock(placed, 'Agent', 'No agents'), 'No agents', { Text: 'Later.' });
    const { overlay, entries } = compareFlows(placed, renamed, 'x');
    expect([...overlay.blocks]).toEqual([['No agents', 'changed']]);
    expect(entries[0]?.details).toEqual([
      'Renamed from Agent',
      'Parameters/Text: "Agents are not available in this demo." → "Later."',
    ]);
  });

  it('finds nothing between versions that differ only in layout', () => {
    const before = bankMenu();
    const result = compareFlows(before, moveBlocks(before, { Menu: { x: 500, y: 500 } }), 'x');
    expect(result.identical).toBe(true);
    expect(result.entries).toEqual([]);
    expect(result.overlay.blocks.size + result.overlay.edges.size).toBe(0);
  });

  it('lists a new entry block as a flow-level change', () => {
    const { entries } = compare((m) => ({ ...m, startAction: 'Welcome' }));
    expect(entries).toEqual([
      { kind: 'flow', details: [expect.stringMatching(/^Entry: .*\(Log\) → .*\(Welcome\)$/)] },
    ]);
  });
});
