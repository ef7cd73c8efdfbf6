import { useCallback, useRef, useState } from 'react';
import type { Api, VersionHistory } from '../app/api.js';
import { type Async, useAsync } from '../app/hooks.js';

export interface VersionHistoryState {
  history: Async<VersionHistory>;
  /** Reloads the list (after a save, publish, rollback or restore). */
  refresh(): void;
}

/**
 * A flow's versions and publications, reloaded by `refresh` without the list blinking: while a
 * refresh loads, the flow's previous list stays (as useFlows does for the flows list).
 */
export function useVersionHistory(api: Api, instance: string, flow: string): VersionHistoryState {
  const [revision, setRevision] = useState(0);
  const key = `${instance}\n${flow}`;
  const result = useAsync(() => api.versions(instance, flow), `${key}\n${revision}`);
  const last = useRef<{ key: string; value: VersionHistory }>(undefined);
  if (result.state === 'done') last.current = { key, value: result.value };
  const kept = result.state === 'loading' && last.current?.key === key ? last.current : undefined;
  const refresh = useCallback(() => setRevision((r) => r + 1), []);
  return { history: kept ? { state: 'done', value: kept.value } : result, refresh };
}
