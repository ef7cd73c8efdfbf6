import { useMemo, useState } from 'react';
import type { Api } from '../app/api.js';
import type { Route } from '../app/route.js';
import type { SidePanel } from '../editor/panels.js';
import { loadVersion, publishedOf, restoreVersion } from './history.js';
import { useVersionHistory } from './useVersionHistory.js';
import { type VersionActions, VersionsPanel } from './VersionsPanel.js';

export interface VersionsHost {
  /** The Versions tab, for FlowEditor's `panels`. */
  panel: SidePanel;
  /** Told after the editor saved or published: the list reloads. */
  changed(): void;
  /** Counts restores: a restore made a new latest version, which the editor should reopen on. */
  reopened: number;
  /** The published version as the list last read it (undefined while it loads). */
  published: number | null | undefined;
}

/**
 * The Versions panel for the flow open in the editor, with the state that outlives the editor: the
 * list (kept while a restore reopens the editor) and what the list says is published, which the save
 * bar should show after a rollback from the list.
 */
export function useVersionsPanel(props: {
  api: Api;
  instance: string;
  flow: string;
  navigate?: ((route: Route) => void) | undefined;
  /** Told after a restore or publish (the flows list shows versions too). */
  onChange?: (() => void) | undefined;
}): VersionsHost {
  const { api, instance, flow, navigate, onChange } = props;
  const { history, refresh } = useVersionHistory(api, instance, flow);
  const [reopened, setReopened] = useState(0);
  const actions = useMemo((): VersionActions => {
    const changed = () => {
      refresh();
      onChange?.();
    };
    return {
      load: async (version) => (await loadVersion(api, instance, flow, version)).model,
      async restore(version) {
        const saved = await restoreVersion(api, instance, flow, version);
        changed();
        setReopened((n) => n + 1);
        return saved;
      },
      async publish(version) {
        try {
          return await api.publish(instance, flow, version);
        } finally {
          changed();
        }
      },
      ...(navigate
        ? {
            open: (version: number, compare?: number) =>
              navigate({ instance, flow, version, ...(compare === undefined ? {} : { compare }) }),
          }
        : {}),
    };
  }, [api, instance, flow, navigate, onChange, refresh]);
  const panel: SidePanel = {
    id: 'versions',
    title: 'Versions',
    render: (context) => <VersionsPanel context={context} history={history} actions={actions} />,
  };
  return {
    panel,
    changed: refresh,
    reopened,
    published: history.state === 'done' ? publishedOf(history.value) : undefined,
  };
}
