import { AfterContactWork } from './AfterContactWork.js';
import { ConnectedCall } from './ConnectedCall.js';
import { DialPad } from './DialPad.js';
import { IncomingContact } from './IncomingContact.js';
import { QuickConnects } from './QuickConnects.js';
import { StatusPicker } from './StatusPicker.js';
import { type PanelState, viewOf } from './state.js';
import type { QuickConnect } from './types.js';
import type { AgentActions } from './useAgentPanel.js';

/** The agent panel (Connect's CCP) drawn from its folded state; every button is one action. */
export function AgentPanel(props: {
  state: PanelState;
  quickConnects: readonly QuickConnect[];
  now: number;
  actions: AgentActions;
}) {
  const { state, actions, now } = props;
  const view = viewOf(state);
  const busy = state.pending !== undefined;
  const { contact, details } = view;
  const onCall = view.activity === 'on-call';
  return (
    <div className="agent-panel" data-activity={view.activity}>
      <header className="agent-header">
        <strong>{state.agent?.user.username}</strong>
        <StatusPicker
          status={view.status}
          customStatuses={state.agent?.customStatuses ?? []}
          disabled={busy}
          onChange={actions.setStatus}
        />
        <span className="agent-live" data-live={state.live ? 'yes' : 'no'}>
          {state.live ? 'Live' : 'Not receiving events'}
        </span>
      </header>
      {state.error && (
        <p className="error" role="alert">
          {state.error.code ? `${state.error.code}: ` : ''}
          {state.error.message}
        </p>
      )}
      {view.activity === 'ringing' && contact && (
        <IncomingContact
          contact={contact}
          details={details}
          disabled={busy}
          onAccept={() => actions.accept(contact.ContactId)}
          onReject={() => actions.reject(contact.ContactId)}
        />
      )}
      {onCall && contact && (
        <ConnectedCall
          contact={contact}
          details={details}
          now={now}
          disabled={busy}
          onParticipant={actions.participant}
          onConference={actions.conference}
          onSwap={actions.swap}
          onHoldAll={actions.holdAll}
        />
      )}
      {view.activity === 'acw' && contact && (
        <AfterContactWork
          contact={contact}
          now={now}
          disabled={busy}
          onClear={() => actions.clear(contact.ContactId)}
        />
      )}
      {view.activity === 'missed' && (
        <p className="agent-missed" role="status">
          Missed contact. Choose a status to take contacts again.
        </p>
      )}
      {view.activity === 'idle' && (
        <p className="hint" role="status">
          {view.status === 'Available'
            ? 'Waiting for contacts…'
            : `${view.status ?? 'Offline'}: no contacts are routed to you.`}
        </p>
      )}
      {(view.activity === 'idle' || onCall) && (
        <section className="agent-tools" aria-label={onCall ? 'Transfer' : 'Call out'}>
          <QuickConnects
            quickConnects={props.quickConnects}
            onCall={onCall}
            disabled={busy}
            onTransfer={(quickConnectId) => actions.transfer({ quickConnectId })}
          />
          <DialPad
            onCall={onCall}
            disabled={busy}
            onDial={(phoneNumber) => actions.transfer({ phoneNumber })}
          />
        </section>
      )}
    </div>
  );
}
