import { Attributes } from './Attributes.js';
import type { AgentContact, ContactDetails } from './types.js';

/** A contact ringing for the agent: who and from which queue, its attributes, Accept or Reject. */
export function IncomingContact(props: {
  contact: AgentContact;
  details: ContactDetails | undefined;
  disabled: boolean;
  onAccept: () => void;
  onReject: () => void;
}) {
  const { contact, details } = props;
  return (
    <section className="agent-contact agent-incoming" aria-label="Incoming contact">
      <p className="agent-ringing" role="status">
        Incoming call{contact.Queue ? ` from ${contact.Queue.Name}` : ''}
        {details?.customerEndpoint ? ` · ${details.customerEndpoint}` : ''}
      </p>
      {details && <Attributes attributes={details.attributes} />}
      <div className="agent-buttons">
        <button type="button" className="agent-accept" disabled={props.disabled} onClick={props.onAccept}>
          Accept
        </button>
        <button type="button" className="agent-reject" disabled={props.disabled} onClick={props.onReject}>
          Reject
        </button>
      </div>
    </section>
  );
}
