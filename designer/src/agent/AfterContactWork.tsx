import { elapsed } from './state.js';
import type { AgentContact } from './types.js';

/** The call has ended: After Contact Work runs (timed from the end) until the agent clears it. */
export function AfterContactWork(props: {
  contact: AgentContact;
  now: number;
  disabled: boolean;
  onClear: () => void;
}) {
  return (
    <section className="agent-contact agent-acw" aria-label="After contact work">
      <p role="status">
        After contact work <time>{elapsed(props.contact.StateStartTimestamp, props.now)}</time>
      </p>
      <button type="button" disabled={props.disabled} onClick={props.onClear}>
        Clear contact
      </button>
    </section>
  );
}
