import type { QuickConnect } from './types.js';

const KIND: Record<QuickConnect['type'], string> = {
  USER: 'Agent',
  QUEUE: 'Queue',
  PHONE_NUMBER: 'External',
};

/** The quick connects of the agent's queues: on a call one transfers or consults, else it calls out. */
export function QuickConnects(props: {
  quickConnects: readonly QuickConnect[];
  onCall: boolean;
  disabled: boolean;
  onTransfer: (quickConnectId: string) => void;
}) {
  if (props.quickConnects.length === 0) return <p className="hint">No quick connects in your queues.</p>;
  return (
    <ul className="agent-quick-connects" aria-label="Quick connects">
      {props.quickConnects.map((q) => (
        <li key={q.id}>
          <span>
            {q.name} <small>{KIND[q.type]}</small>
          </span>
          <button
            type="button"
            disabled={props.disabled}
            onClick={() => props.onTransfer(q.id)}
            aria-label={`${props.onCall ? 'Transfer to' : 'Call'} ${q.name}`}
          >
            {props.onCall ? 'Transfer' : 'Call'}
          </button>
        </li>
      ))}
    </ul>
  );
}
