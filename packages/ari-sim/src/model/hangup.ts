import { leaveBridge } from './bridge-membership.js';
import { applyPendingCaller, publishCallerChange } from './callerid.js';
import { causeText } from './causes.js';
import type { SimChannel } from './channel.js';
import type { Core } from './core.js';
import { reportDialHangup } from './dial.js';
import { channelGone } from './media-state.js';
import { endSnoopsOf } from './snoop.js';
import { leaveStasis } from './stasis.js';

/**
 * How a hangup reaches a channel, which decides its ChannelHangupRequest:
 * - `explicit`: `DELETE /channels/{id}` or a timed-out ARI dial, `{cause: 32, soft: true}`
 *   (32 is AST_SOFTHANGUP_EXPLICIT, a flag, whatever the reason);
 * - `far-side`: the other Local half went away, `{cause}` with the Q.850 cause, no `soft`;
 * - `silent`: the dialler drops an unanswered originate leg, no request at all.
 */
export type HangupHow = 'explicit' | 'far-side' | 'silent';

export function requestHangup(core: Core, chan: SimChannel, cause: number, how: HangupHow): void {
  if (chan.hangingUp || chan.destroyed) return;
  chan.hangingUp = true;
  chan.hangupCause = cause;
  if (how === 'explicit') core.publishChannel(chan, 'ChannelHangupRequest', { cause: 32, soft: true });
  if (how === 'far-side') core.publishChannel(chan, 'ChannelHangupRequest', { cause });
  windDown(core, chan, how === 'far-side');
}

/**
 * The channel's own thread ending the call: out of its bridge, media stopped, out of Stasis, the
 * PBX's AST_SOFTHANGUP_APPUNLOAD request (`{cause: 16, soft: true}`), the far Local half told,
 * then ChannelDestroyed. The far half winds down afterwards, on "its own thread".
 */
function windDown(core: Core, chan: SimChannel, fromPeer: boolean): void {
  if (chan.membership) leaveBridge(core, chan, 'hangup');
  channelGone(core, chan);
  endSnoopsOf(core, chan);
  if (chan.stasis) leaveStasis(core, chan, 'hangup');
  if (fromPeer && chan.dial) reportDialHangup(core, chan);
  if (chan.pbx?.endsWithAppUnload()) {
    core.publishChannel(chan, 'ChannelHangupRequest', { cause: 16, soft: true });
  }
  const peer = chan.peer;
  if (peer && !peer.hangingUp && !peer.destroyed) {
    peer.hangingUp = true;
    peer.hangupCause = chan.hangupCause;
    core.publishChannel(peer, 'ChannelHangupRequest', { cause: chan.hangupCause });
    core.defer(() => windDown(core, peer, true));
  }
  destroy(core, chan);
}

function destroy(core: Core, chan: SimChannel): void {
  if (chan.destroyed) return;
  chan.destroyed = true;
  core.cancel(chan.dial?.timer);
  if (chan.pbx) {
    chan.dialplan.appName = '';
    chan.dialplan.appData = '';
  } else if (chan.savedApp) {
    chan.dialplan.appName = chan.savedApp.appName;
    chan.dialplan.appData = chan.savedApp.appData;
  }
  const callerChanged = applyPendingCaller(chan);
  core.publishChannel(chan, 'ChannelDestroyed', {
    cause: chan.hangupCause,
    cause_txt: causeText(chan.hangupCause),
  });
  if (callerChanged) publishCallerChange(core, chan);
  core.channels.delete(chan.id);
  core.apps.forgetChannel(chan.id);
}

/** A channel nothing ever saw (create without an app): gone without events. */
export function discard(core: Core, chan: SimChannel): void {
  chan.destroyed = true;
  core.channels.delete(chan.id);
  core.apps.forgetChannel(chan.id);
}
