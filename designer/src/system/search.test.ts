import { describe, expect, it } from 'vitest';
import { toGraph } from './graph.js';
import { excerpt, searchFlow } from './search.js';
import { allFlows, fixture } from './test-flows.js';

const model = fixture('inbound-main-ivr.json');
const graph = toGraph(model);
const search = (q: string) => searchFlow(model, graph, q);
const ids = (q: string) => search(q).map((h) => h.id);

describe('searchFlow', () => {
  it('finds a block by its prompt text, whatever the case, saying where it matched', () => {
    const hits = search('AFTER-HOURS answering');
    expect(hits.map((h) => h.id)).toEqual(['aa6bc329-862b-52ef-b74e-edd3577fb815']);
    expect(hits[0]?.fields.map((f) => f.where)).toEqual(['Text']);
    expect(hits[0]?.fields[0]?.text).toContain('after-hours answering');
  });

  it('finds blocks by block type, Identifier and label', () => {
    expect(ids('DisconnectParticipant')).toEqual(['11b46eea-4155-53ea-9057-9e9f52ba84e5']);
    expect(ids('c14be552-05a3')).toEqual(['c14be552-05a3-50a2-83b0-2b521001d19f']);
    const byLabel = search('Check hours');
    expect(byLabel.map((h) => h.blockType)).toContain('CheckHoursOfOperation');
    expect(byLabel[0]?.fields[0]?.where).toBe('Name');
  });

  it('finds attribute keys and values, ARNs and the display names Connect keeps in Metadata', () => {
    expect(ids('accountTier').sort()).toEqual(
      ['8e08953e-1d77-5c66-9eda-f05443585ab9', '2d7d26e6-32a2-5c13-95a2-ead729bf8283'].sort(),
    );
    expect(search('dialedNumber')[0]?.fields.map((f) => f.where)).toEqual(['Attributes.dialedNumber']);
    expect(ids('queue/cebc90e5')).toEqual(['3de7d2ec-d123-5956-a5f5-f65d93f21769']);
    expect(search('Acme customer hold')[0]?.fields).toEqual([
      { where: 'Metadata.EventHooks.CustomerHold.displayName', text: 'Acme customer hold' },
    ]);
  });

  it('does not match every block of a type by its parameter names', () => {
    expect(ids('QueueId')).toEqual([]);
  });

  it('lists hits left to right, then top to bottom, and nothing for an empty query', () => {
    const hits = search('e');
    const at = new Map(graph.nodes.map((n) => [n.id, n.position]));
    const xs = hits.map((h) => at.get(h.id)?.x ?? 0);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(search('   ')).toEqual([]);
  });

  it('cuts long matched text around the match', () => {
    const long = `${'a'.repeat(100)} needle ${'b'.repeat(100)}`;
    const cut = excerpt(long, 'needle');
    expect(cut).toContain('needle');
    expect(cut.startsWith('…') && cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(62);
  });

  it('answers on every fixture and real export without throwing', () => {
    for (const f of allFlows())
      expect(() => searchFlow(f.model, toGraph(f.model), 'a'), f.name).not.toThrow();
  });
});
