import { type CallerIdent, type SimChannel, sameCaller } from './channel.js';
import type { Core } from './core.js';

function presentation(id: CallerIdent) {
  return id.number
    ? { caller_presentation: 0, caller_presentation_txt: 'Presentation Allowed, Not Screened' }
    : { caller_presentation: 67, caller_presentation_txt: 'Number Unavailable' };
}

/** ChannelCallerId for the channel's current caller, remembered so repeats are not re-sent. */
export function publishCallerChange(core: Core, chan: SimChannel): void {
  chan.publishedCaller = { ...chan.caller };
  core.publishChannel(chan, 'ChannelCallerId', presentation(chan.caller));
}

/**
 * A Local half whose connected line changes (a bridge's COLP update) rewrites its peer's caller
 * id in place. Asterisk only publishes that at the peer's hangup, after its ChannelDestroyed, and
 * not at all when the value came back to what was last published (warm-transfer, agent A).
 */
export function propagateConnectedToPeer(chan: SimChannel): void {
  const peer = chan.peer;
  if (!peer || peer.destroyed) return;
  peer.pendingCaller = { ...chan.connected };
}

export function applyPendingCaller(chan: SimChannel): boolean {
  const pending = chan.pendingCaller;
  chan.pendingCaller = undefined;
  if (!pending || sameCaller(pending, chan.publishedCaller)) return false;
  chan.caller = pending;
  return true;
}

export { presentation as callerPresentation };
