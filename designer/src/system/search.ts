import { type FlowModel, indexActions, isJsonObject } from '@parley/flow';
import { entryOf } from './metadata.js';
import type { Graph } from './types.js';

/** Where a block matched the search, and the text that matched. */
export interface SearchField {
  /** 'Name', 'Identifier', 'Type', or a parameter's path such as `Attributes.caller`. */
  where: string;
  text: string;
}

export interface SearchHit {
  id: string;
  label: string;
  blockType: string;
  /** Every place the block matched, in the order listed above (the name first). */
  fields: SearchField[];
}

const EXCERPT = 60;

/** `text` cut to about EXCERPT characters around the first match of `q` (lower case). */
export function excerpt(text: string, q: string): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= EXCERPT) return flat;
  const at = Math.max(0, flat.toLowerCase().indexOf(q));
  const start = Math.max(0, Math.min(at - 20, flat.length - EXCERPT));
  const cut = flat.slice(start, start + EXCERPT);
  return `${start > 0 ? '…' : ''}${cut}${start + EXCERPT < flat.length ? '…' : ''}`;
}

/**
 * Every scalar under `value` with its dotted path (list items as `[i]`), and with `keys` the keys
 * below the top level: attribute names are keys (UpdateContactAttributes' Attributes), while
 * parameter names (Text, QueueId) would match every block of a type.
 */
function* texts(value: unknown, path: string, keys: boolean, depth = 0): Generator<SearchField> {
  if (typeof value === 'string') yield { where: path, text: value };
  else if (typeof value === 'number' || typeof value === 'boolean')
    yield { where: path, text: String(value) };
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* texts(v, `${path}[${i}]`, keys, depth + 1);
  } else if (isJsonObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      if (keys && depth > 0) yield { where: at, text: k };
      yield* texts(v, at, keys, depth + 1);
    }
  }
}

/**
 * The blocks matching `query` (case-insensitive, anywhere in the text) by name, Identifier, block
 * type, parameter text (prompt text, ARNs, attribute keys and values) or what Connect's designer
 * keeps about their parameters (the display names of the queues and flows they refer to). Hits come
 * in reading order: left to right, then top to bottom.
 */
export function searchFlow(model: FlowModel, graph: Graph, query: string): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const actions = indexActions(model);
  const hits: (SearchHit & { x: number; y: number })[] = [];
  for (const n of graph.nodes) {
    const action = actions.get(n.id);
    const candidates: SearchField[] = [
      { where: 'Name', text: n.data.label },
      { where: 'Identifier', text: n.id },
      { where: 'Type', text: n.data.blockType },
      ...texts(action?.parameters, '', true),
      ...texts(entryOf(model, n.id)?.parameters, 'Metadata', false),
    ];
    const fields: SearchField[] = [];
    const seen = new Set<string>();
    for (const c of candidates) {
      // The name is the Identifier for a friendly-named block: one field is enough.
      if (!c.text.toLowerCase().includes(q) || seen.has(c.text)) continue;
      seen.add(c.text);
      fields.push({ where: c.where, text: excerpt(c.text, q) });
    }
    if (fields.length > 0)
      hits.push({ id: n.id, label: n.data.label, blockType: n.data.blockType, fields, ...n.position });
  }
  hits.sort((a, b) => a.x - b.x || a.y - b.y);
  return hits.map(({ x: _x, y: _y, ...hit }) => hit);
}
