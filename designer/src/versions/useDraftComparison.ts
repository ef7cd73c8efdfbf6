import type { FlowModel } from '@parley/flow';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { PanelContext } from '../editor/panels.js';
import { compareFlows, type FlowComparison } from '../system/diff-overlay.js';

export type DraftComparison =
  | { state: 'off' }
  | { state: 'loading'; from: number }
  | { state: 'failed'; from: number; message: string }
  | { state: 'on'; from: number; comparison: FlowComparison };

/**
 * A saved version compared with the draft being edited, laid over the editor's canvas. The marks
 * follow the draft as it is edited; stopping, or closing the editor, takes them away.
 */
export function useDraftComparison(
  context: Pick<PanelContext, 'model' | 'setOverlay'>,
  load: (version: number) => Promise<FlowModel>,
): { comparison: DraftComparison; start(version: number): void; stop(): void } {
  const [base, setBase] = useState<{ from: number; model?: FlowModel; message?: string } | undefined>(
    undefined,
  );
  const { setOverlay } = context;
  // Typing in a big flow should not wait for the diff: the marks catch up when React is idle.
  const model = useDeferredValue(context.model);

  const comparison = useMemo((): DraftComparison => {
    if (!base) return { state: 'off' };
    if (base.message !== undefined) return { state: 'failed', from: base.from, message: base.message };
    if (!base.model) return { state: 'loading', from: base.from };
    const label = `Changes from version ${base.from} to the draft`;
    return { state: 'on', from: base.from, comparison: compareFlows(base.model, model, label) };
  }, [base, model]);

  const overlay = comparison.state === 'on' ? comparison.comparison.overlay : undefined;
  // The canvas has one panel overlay: clear it only when it is ours, so a test call's stays.
  const laid = useRef(false);
  useEffect(() => {
    if (overlay) setOverlay(overlay);
    else if (laid.current) setOverlay(undefined);
    laid.current = overlay !== undefined;
  }, [overlay, setOverlay]);
  useEffect(
    () => () => {
      if (laid.current) setOverlay(undefined);
    },
    [setOverlay],
  );

  const start = (from: number) => {
    setBase({ from });
    load(from).then(
      (loaded) => setBase((b) => (b?.from === from ? { from, model: loaded } : b)),
      (e: unknown) =>
        setBase((b) =>
          b?.from === from ? { from, message: e instanceof Error ? e.message : String(e) } : b,
        ),
    );
  };
  return { comparison, start, stop: () => setBase(undefined) };
}
