import type { Participant } from './types.js';
import type { ParticipantOp } from './useAgentPanel.js';

const ROLE: Record<Participant['role'], string> = {
  CUSTOMER: 'Customer',
  AGENT: 'Agent',
  THIRD_PARTY: 'Third party',
};

/**
 * One party of the call and what the agent may do to them: hold or resume and hang up anyone else,
 * mute anyone, but unmute only themself (the multi-party rules).
 */
export function ParticipantRow(props: {
  participant: Participant;
  disabled: boolean;
  onOp: (op: ParticipantOp) => void;
}) {
  const { participant: p, disabled, onOp } = props;
  const held = p.state === 'ON_HOLD';
  const button = (op: ParticipantOp, label: string) => (
    <button type="button" disabled={disabled} onClick={() => onOp(op)} aria-label={`${label} ${p.name}`}>
      {label}
    </button>
  );
  return (
    <li className="agent-participant" data-state={p.state}>
      <span className="agent-party">
        {p.self ? 'You' : p.name} <small>{ROLE[p.role]}</small>
        {held && <em> on hold</em>}
        {p.muted && <em> muted</em>}
        {p.state === 'CONNECTING' && <em> dialling…</em>}
      </span>
      {!p.self && (held ? button('resume', 'Resume') : button('hold', 'Hold'))}
      {!p.muted ? button('mute', 'Mute') : p.self && button('unmute', 'Unmute')}
      {!p.self && button('disconnect', 'Hang up')}
    </li>
  );
}
