import { useEffect, useMemo } from 'react';
import type { PanelContext } from '../editor/panels.js';
import { pathOverlay, toGraph } from '../system/index.js';

/**
 * Lays a call's path over the canvas while `steps` is given. Nothing is cleared when it is not:
 * another panel may own the overlay by then, and a finished call's path stays until cleared.
 */
export function usePathOverlay(
  context: PanelContext,
  steps: readonly string[] | undefined,
  options: { label: string; live: boolean; running?: string | undefined },
): void {
  const { model, setOverlay } = context;
  const graph = useMemo(() => toGraph(model), [model]);
  const key = steps?.join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `steps`' content
  useEffect(() => {
    if (!steps) return;
    const overlay = pathOverlay(graph, steps, options);
    const { running } = options;
    // A replay is not live, yet the step it is on is the one "running" at that moment.
    setOverlay(
      running === undefined
        ? overlay
        : { ...overlay, blocks: new Map(overlay.blocks).set(running, 'running') },
    );
  }, [graph, key, options.label, options.live, options.running, setOverlay]);
}
