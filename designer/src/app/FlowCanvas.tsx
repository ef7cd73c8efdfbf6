import { loadFlow } from '@parley/flow';
import { useMemo } from 'react';
import { FlowEditor } from '../editor/FlowEditor.js';
import { type InstanceResources, useInstanceResources } from '../inspector/useInstanceResources.js';
import { emptyFlowDocument } from '../system/index.js';
import { useTestCallPanels } from '../testcall/panels.js';
import { ExportButton } from '../transfer/ExportButton.js';
import { useVersionsPanel, type VersionsHost } from '../versions/useVersionsPanel.js';
import type { Api, FlowContent, FlowSummary } from './api.js';
import { useAsync } from './hooks.js';
import type { Route } from './route.js';

/** The flow's latest version in the editor; `onChange` hears of saves and publishes. */
export function FlowCanvas(props: {
  api: Api;
  instance: string;
  flow: string;
  onChange?: () => void;
  /** Opens other pages (a saved version, read-only). */
  navigate?: (route: Route) => void;
}) {
  const { api, instance, flow } = props;
  const versions = useVersionsPanel({
    api,
    instance,
    flow,
    navigate: props.navigate,
    onChange: props.onChange,
  });
  // Kept across the instance's flows: the pickers of the next flow opened need no new requests.
  const resources = useInstanceResources(api, instance);
  // The key changes after a restore: the editor reopens on the new latest version.
  const opened = useAsync(async () => {
    const [summary, content] = await Promise.all([api.flow(instance, flow), api.flowContent(instance, flow)]);
    return { summary, content };
  }, `${instance}\n${flow}\n${versions.reopened}`);
  if (opened.state === 'loading') return <p className="hint">Opening the flow…</p>;
  if (opened.state === 'failed') return <p className="error">{opened.error.message}</p>;
  const { summary, content } = opened.value;
  return (
    <OpenedFlow
      key={`${instance}\n${summary.id}\n${content.version}`}
      api={api}
      instance={instance}
      summary={summary}
      content={content}
      resources={resources}
      versions={versions}
      onChange={() => {
        props.onChange?.();
        versions.changed();
      }}
    />
  );
}

/** A loaded flow in the editor, with its Versions, Test call and Replay tabs (tests render it alone). */
export function OpenedFlow(props: {
  api: Api;
  instance: string;
  summary: FlowSummary;
  content: FlowContent;
  resources: InstanceResources;
  versions: VersionsHost;
  onChange: (() => void) | undefined;
}) {
  const { api, instance, summary, content } = props;
  const loaded = useMemo(
    () => loadFlow(content.text ?? { json: emptyFlowDocument(summary.type) }, { flowType: summary.type }),
    [content, summary.type],
  );
  const testCallPanels = useTestCallPanels({ api, instance, flowId: summary.id });
  if (!loaded.model)
    return (
      <ul className="error">
        {loaded.diagnostics.map((d) => (
          <li key={`${d.code} ${d.path ?? ''} ${d.message}`}>
            {d.code}: {d.message}
          </li>
        ))}
      </ul>
    );
  return (
    <FlowEditor
      model={loaded.model}
      diagnostics={loaded.diagnostics}
      flowType={summary.type}
      version={content.version}
      publishedVersion={props.versions.published ?? summary.publishedVersion}
      save={(text, message, baseVersion) =>
        api.saveVersion(instance, summary.id, { content: text, message, baseVersion })
      }
      publish={() => api.publish(instance, summary.id)}
      resources={props.resources}
      onChange={props.onChange}
      panels={[props.versions.panel, ...testCallPanels]}
      saveActions={<ExportButton api={api} instance={instance} flow={summary.id} />}
    />
  );
}
