import type { CallPort } from '../telephony/port.js';
import type { AgentLeg, AgentTarget, SessionHost } from './session.js';

/** Whose doing an unanswered ring was: the agent's (Missed), or the PBX's that lost the phone. */
export type RingLoss = 'agent' | 'pbx';

/** What is offered to an agent: a queued call (ContactSession) or a callback (CallbackSession). */
export interface Offered {
  readonly contactId: string;
  leg: AgentLeg | undefined;
  attempts: number;
}

/**
 * Rings the agent's phone for an offer. The leg is INCOMING while it rings; an unanswered or
 * refused ring counts as Missed, one withdrawn or lost to an Asterisk restart does not; an answer
 * that comes after the offer was withdrawn (or the contact ended, `over`) is hung up. Answers the
 * agent's call with its leg, or undefined when there is none.
 */
export async function ringAgent(
  host: Pick<SessionHost, 'lines' | 'offerTimeoutSeconds' | 'changed' | 'missed' | 'accepted'>,
  offered: Offered,
  offer: { target: AgentTarget; now: number; callerId: string; over: () => boolean },
): Promise<{ leg: AgentLeg; call: CallPort } | undefined> {
  const { target } = offer;
  const leg: AgentLeg = {
    target,
    state: 'INCOMING',
    since: offer.now,
    call: undefined,
    muted: false,
    customerMuted: false,
    cancel: new AbortController(),
  };
  offered.leg = leg;
  host.changed(target.userId);
  offered.attempts++;
  const dialled = await host.lines.dial(target.endpoint, {
    timeoutSeconds: host.offerTimeoutSeconds,
    callerId: offer.callerId,
    signal: leg.cancel.signal,
    tag: offered.contactId,
  });
  if (!dialled.ok) {
    if (offered.leg === leg) offered.leg = undefined;
    if (dialled.reason !== 'cancelled')
      host.missed(target.userId, offered.contactId, dialled.reason === 'lost' ? 'pbx' : 'agent');
    host.changed(target.userId);
    return undefined;
  }
  if (offer.over() || leg.cancel.signal.aborted || !host.accepted(target.userId, offered.contactId)) {
    await dialled.call.hangup();
    if (offered.leg === leg) offered.leg = undefined;
    return undefined;
  }
  leg.call = dialled.call;
  return { leg, call: dialled.call };
}

/** The offer was withdrawn or timed out: stop ringing the agent. */
export function withdrawOffer(offered: Offered): void {
  const leg = offered.leg;
  if (leg?.state !== 'INCOMING') return;
  leg.cancel.abort();
  offered.leg = undefined;
}
