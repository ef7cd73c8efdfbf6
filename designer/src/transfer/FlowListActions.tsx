import type { Api, FlowSummary } from '../app/api.js';
import { ExportBundleButton } from './ExportButton.js';
import { ImportFlowButton } from './ImportFlowButton.js';

/** What sits by the flows list: import a flow, export the whole instance. */
export function FlowListActions(props: {
  api: Api;
  instance: string;
  flows: readonly FlowSummary[];
  onImported: (flowId: string) => void;
}) {
  return (
    <div className="flow-list-actions">
      <ImportFlowButton {...props} />
      <ExportBundleButton api={props.api} instance={props.instance} />
    </div>
  );
}
