import { useCallback, useRef, useState } from 'react';
import type { Api, FlowSummary } from './api.js';
import { type Async, useAsync } from './hooks.js';

/**
 * An instance's flows, reloaded by `refresh` (after a save, publish or create) without the list
 * blinking: while a refresh loads, the instance's previous list stays.
 */
export function useFlows(api: Api, instance: string): { flows: Async<FlowSummary[]>; refresh: () => void } {
  const [revision, setRevision] = useState(0);
  const result = useAsync(() => api.flows(instance), `${instance}\n${revision}`);
  const last = useRef<{ instance: string; value: FlowSummary[] }>(undefined);
  if (result.state === 'done') last.current = { instance, value: result.value };
  const kept = result.state === 'loading' && last.current?.instance === instance ? last.current : undefined;
  const refresh = useCallback(() => setRevision((r) => r + 1), []);
  return { flows: kept ? { state: 'done', value: kept.value } : result, refresh };
}
