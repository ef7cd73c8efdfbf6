import type { FlowModel } from '@parley/flow';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { createEditor, type Editor } from '../editor/editor.js';

/** An editing session over a fixture model, so a story's edits apply (and undo) as in the designer. */
export function useStoryEditor(initial: FlowModel): { editor: Editor; model: FlowModel } {
  const [editor] = useState(() => createEditor(initial));
  const state = useSyncExternalStore(editor.subscribe, editor.getState);
  return useMemo(() => ({ editor, model: state.model }), [editor, state.model]);
}
