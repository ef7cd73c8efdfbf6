import type { SimChannel } from './channel.js';
import type { Core } from './core.js';
import { dialAnswered, dialProgress, dialRinging } from './dial.js';

export function setState(core: Core, chan: SimChannel, state: string): void {
  if (chan.state === state) return;
  chan.state = state;
  core.publishChannel(chan, 'ChannelStateChange');
}

/**
 * Answering a Local ;2 answers its ;1 too: the dialler on ;1 sees ANSWER and the originate goes
 * on (into Stasis or the dialplan). Answering an Up channel does nothing (and is not an error).
 */
export function answerChannel(core: Core, chan: SimChannel): void {
  if (chan.state === 'Up') return;
  setState(core, chan, 'Up');
  const peer = chan.peer;
  if (!peer || peer.hangingUp || peer.destroyed || peer.state === 'Up') return;
  if (peer.dial && !peer.dial.done) dialAnswered(core, peer);
  else setState(core, peer, 'Up');
}

export type Indication = 'ringing' | 'progress';

/** An indication sent to a Local half is read by the other half, where a dialler may be waiting. */
export function indicate(core: Core, chan: SimChannel, what: Indication): void {
  const peer = chan.peer;
  if (!peer || peer.hangingUp || peer.destroyed) return;
  if (what === 'ringing') {
    if (peer.dial && !peer.dial.done) dialRinging(core, peer);
    else if (peer.state !== 'Up') setState(core, peer, 'Ringing');
  } else if (peer.dial && !peer.dial.done) {
    dialProgress(core, peer);
  }
}
