import { Attributes } from './Attributes.js';
import { ParticipantRow } from './ParticipantRow.js';
import { elapsed } from './state.js';
import type { AgentContact, ContactDetails } from './types.js';
import type { ParticipantOp } from './useAgentPanel.js';

/**
 * The agent's call: its parties with their controls and, once a third party is on it (a consult
 * or a conference), Join, Hold all and Leave; Swap on a call of exactly three (seed 000). Join and
 * Swap wait while a party is being dialled. With the customer alone, End call hangs up.
 */
export function ConnectedCall(props: {
  contact: AgentContact;
  details: ContactDetails | undefined;
  now: number;
  disabled: boolean;
  onParticipant: (participantId: string, op: ParticipantOp) => void;
  onConference: () => void;
  onSwap: () => void;
  onHoldAll: () => void;
}) {
  const { contact, details, disabled } = props;
  const parties = details?.participants.filter((p) => p.state !== 'DISCONNECTED') ?? [];
  const self = parties.find((p) => p.self);
  const multi = parties.filter((p) => !p.self).length > 1;
  const dialling = parties.some((p) => p.state === 'CONNECTING');
  const since = contact.ConnectedToAgentTimestamp ?? contact.StateStartTimestamp;
  return (
    <section className="agent-contact agent-call" aria-label="Call">
      <p role="status">
        {contact.State === 'CONNECTED_ONHOLD' ? 'On hold' : 'Connected'}{' '}
        <time>{elapsed(since, props.now)}</time>
        {contact.Queue && <small> · {contact.Queue.Name}</small>}
      </p>
      <ul className="agent-participants" aria-label="Participants">
        {parties.map((p) => (
          <ParticipantRow
            key={p.participantId}
            participant={p}
            disabled={disabled}
            onOp={(op) => props.onParticipant(p.participantId, op)}
          />
        ))}
      </ul>
      <div className="agent-buttons">
        {multi && (
          <>
            <button type="button" disabled={disabled || dialling} onClick={props.onConference}>
              Join
            </button>
            {parties.length === 3 && (
              <button type="button" disabled={disabled || dialling} onClick={props.onSwap}>
                Swap
              </button>
            )}
            <button type="button" disabled={disabled} onClick={props.onHoldAll}>
              Hold all
            </button>
          </>
        )}
        {self && (
          <button
            type="button"
            className="agent-end"
            disabled={disabled}
            onClick={() => props.onParticipant(self.participantId, 'disconnect')}
          >
            {multi ? 'Leave' : 'End call'}
          </button>
        )}
      </div>
      {details && <Attributes attributes={details.attributes} />}
    </section>
  );
}
