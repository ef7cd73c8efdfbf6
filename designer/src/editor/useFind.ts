import type { FlowModel } from '@parley/flow';
import type { Node } from '@xyflow/react';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { Graph } from '../system/index.js';
import { type SearchHit, searchFlow } from '../system/search.js';

export const MATCH_CLASS = 'search-match';
export const CURRENT_CLASS = 'search-current';

/**
 * `nodes` with the search's matches marked by a class (the current one by a second), reusing every
 * other node object so React Flow re-renders the matches alone.
 */
export function highlighted<N extends Node>(
  nodes: readonly N[],
  matches: ReadonlySet<string>,
  current: string | undefined,
): N[] {
  if (matches.size === 0) return nodes as N[];
  return nodes.map((n) => {
    if (!matches.has(n.id)) return n;
    const marks = n.id === current ? `${MATCH_CLASS} ${CURRENT_CLASS}` : MATCH_CLASS;
    return { ...n, className: n.className ? `${n.className} ${marks}` : marks };
  });
}

export interface Find {
  open: boolean;
  query: string;
  hits: SearchHit[];
  /** The hit last moved to; -1 before the first Enter. */
  index: number;
  matches: ReadonlySet<string>;
  /** Bumped each time the find box should take the focus (Mod+F). */
  focusKey: number;
  show(): void;
  /** Closes the find bar; whether it was open. */
  close(): boolean;
  setQuery(query: string): void;
  /** Moves to the next (1) or previous (-1) hit: selects it and centres the view on it. */
  step(delta: 1 | -1): void;
  pick(index: number): void;
}

/** The find bar's state: the query, its hits in the flow, and moving from one to the next. */
export function useFind(model: FlowModel, graph: Graph, focusBlock: (id: string) => void): Find {
  const [open, setOpen] = useState(false);
  const [query, setQueryState] = useState('');
  const [index, setIndex] = useState(-1);
  const [focusKey, setFocusKey] = useState(0);
  // A 2,000-block flow is searched in a few ms, but typing need not wait even for that.
  const deferred = useDeferredValue(query);
  const hits = useMemo(() => searchFlow(model, graph, deferred), [model, graph, deferred]);
  const matches = useMemo(() => new Set(open ? hits.map((h) => h.id) : []), [hits, open]);
  const openNow = useRef(open);
  openNow.current = open;

  const pick = useCallback(
    (i: number) => {
      const hit = hits[i];
      if (!hit) return;
      setIndex(i);
      focusBlock(hit.id);
    },
    [hits, focusBlock],
  );

  return {
    open,
    query,
    hits,
    index: Math.min(index, hits.length - 1),
    matches,
    focusKey,
    show: () => {
      setOpen(true);
      setFocusKey((k) => k + 1);
    },
    close: () => {
      const was = openNow.current;
      setOpen(false);
      return was;
    },
    setQuery: (q) => {
      setQueryState(q);
      setIndex(-1);
      if (q !== '') setOpen(true);
    },
    step: (delta) => {
      const n = hits.length;
      if (n === 0) return;
      const at = Math.min(index, n - 1);
      pick(at < 0 ? (delta > 0 ? 0 : n - 1) : (at + delta + n) % n);
    },
    pick,
  };
}
