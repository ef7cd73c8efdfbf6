import { useState } from 'react';
import type { Api, FlowSummary } from '../app/api.js';
import { ImportDialog } from './ImportDialog.js';

/** "Import flow" by the flows list: opens the import dialog; an imported flow is opened. */
export function ImportFlowButton(props: {
  api: Api;
  instance: string;
  flows: readonly FlowSummary[];
  onImported: (flowId: string) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="import-flow" onClick={() => setOpen(true)}>
        Import flow
      </button>
      {open && (
        <ImportDialog
          api={props.api}
          instance={props.instance}
          flows={props.flows}
          onImported={(id) => {
            setOpen(false);
            props.onImported(id);
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
