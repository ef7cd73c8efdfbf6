import type { Participant } from './types.js';
import type { ParticipantOp } from './useAgentPanel.js';

const ROLE: Record<Participant['role'], string> = {
  CUSTOMER: 'Customer',
  AGENT: 'Agent',
  THIRD_PARTY: 'Third party',
};

/**
 * One party of the call and what the agent may do to them (the multi-party rules): hold, mute and
 * hang up anyone else; resume anyone on hold, themself included; unmute themself, the customer or a
 * third party but never another agent. A party still being dialled can only be cancelled.
 */
export function ParticipantRow(props: {
  participant: Participant;
  disabled: boolean;
  onOp: (op: ParticipantOp) => void;
}) {
  const { participant: p, disabled, onOp } = props;
  const held = p.state === 'ON_HOLD';
  const dialling = p.state === 'CONNECTING';
  const button = (op: ParticipantOp, label: string) => (
    <button type="button" disabled={disabled} onClick={() => onOp(op)} aria-label={`${label} ${p.name}`}>
      {label}
    </button>
  );
  const unmutable = p.self || p.role !== 'AGENT';
  return (
    <li className="agent-participant" data-state={p.state}>
      <span className="agent-party">
        {p.self ? 'You' : p.name} <small>{ROLE[p.role]}</small>
        {held && <em> on hold</em>}
        {p.muted && <em> muted</em>}
        {dialling && <em> dialling…</em>}
      </span>
      {!dialling && (held ? button('resume', 'Resume') : !p.self && button('hold', 'Hold'))}
      {!dialling && (p.muted ? unmutable && button('unmute', 'Unmute') : button('mute', 'Mute'))}
      {!p.self && button('disconnect', dialling ? 'Cancel' : 'Hang up')}
    </li>
  );
}
