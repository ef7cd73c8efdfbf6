import { useCallback, useRef, useState } from 'react';
import { blockLayout } from '../nodes/layout.js';
import type { Graph } from '../system/index.js';
import { autoLayout } from '../system/layout.js';
import type { Editor } from './editor.js';
import { layoutEngine } from './elk.js';

export interface Layout {
  /** Whether ELK is working (the button shows it; a second request waits for nothing). */
  busy: boolean;
  /** Why the last layout failed, if it did. */
  error: string | undefined;
  run(): void;
}

/**
 * Auto-layout of the flow, or of the selected blocks when two or more are: ELK computes positions
 * in its worker and they become one edit (one Undo puts every block back). `onDone` is told
 * whether the whole flow moved (the view is then fitted to it).
 */
export function useLayout(editor: Editor, graph: Graph, onDone?: (whole: boolean) => void): Layout {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const latest = useRef({ graph, onDone, busy });
  latest.current = { graph, onDone, busy };

  const run = useCallback(() => {
    if (latest.current.busy) return;
    const { model, selection } = editor.getState();
    const only = selection.nodes.size >= 2 ? selection.nodes : undefined;
    const scope = { measure: blockLayout, startAction: model.startAction, ...(only ? { only } : {}) };
    latest.current.busy = true;
    setBusy(true);
    setError(undefined);
    autoLayout(layoutEngine(), latest.current.graph, scope)
      .then((positions) => {
        // Blocks removed meanwhile are skipped by moveBlocks; the rest is one edit.
        editor.move(positions);
        latest.current.onDone?.(only === undefined);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => {
        latest.current.busy = false;
        setBusy(false);
      });
  }, [editor]);

  return { busy, error, run };
}
