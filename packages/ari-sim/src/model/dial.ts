import type { TimerHandle } from '@parley/ari';
import { dialStatusForCause } from './causes.js';
import type { SimChannel } from './channel.js';
import type { Core } from './core.js';
import { requestHangup } from './hangup.js';
import { handOverIdentity } from './local.js';
import { Pbx } from './pbx.js';
import { setState } from './state.js';

/**
 * A ;1 half being dialled. `originate` is ARI's originate (main/dial.c reports every state in
 * `Dial` events with the dial string, and BUSY/NOANSWER when the far side hangs up); `ari` is
 * `POST /channels/{id}/dial` on a created channel, whose later Dial events carry an empty dial
 * string and which reports nothing when the far side hangs up (create-dial traces).
 */
export interface DialState {
  mode: 'originate' | 'ari';
  dialstring: string;
  timer: TimerHandle | undefined;
  done: boolean;
  onAnswer: () => void;
}

function publishDial(core: Core, one: SimChannel, status: string, dialstring: string): void {
  core.publishOn(one, 'Dial', { dialstatus: status, forward: '', dialstring, peer: core.snapshot(one) });
}

export interface DialOptions {
  mode: DialState['mode'];
  dialstring: string;
  /** 0 or less: wait for ever. */
  timeoutMs: number;
  onAnswer: () => void;
}

/** Calls the ;2 of a Local pair: identities cross, `Dial` starts, ;2 runs its dialplan. */
export function startDial(core: Core, one: SimChannel, options: DialOptions): void {
  const two = one.peer;
  if (!two || one.hangingUp) return;
  const state: DialState = {
    mode: options.mode,
    dialstring: options.dialstring,
    timer: undefined,
    done: false,
    onAnswer: options.onAnswer,
  };
  one.dial = state;
  handOverIdentity(core, one);
  publishDial(core, one, '', options.dialstring);
  if (!core.dialplan.exists(two.dialplan.context, two.dialplan.exten)) {
    // local_call refuses an extension that does not exist: the dial fails as unavailable.
    state.done = true;
    publishDial(core, one, 'CHANUNAVAIL', laterDialstring(state));
    two.destroyed = true;
    core.channels.delete(two.id);
    one.peer = undefined;
    requestHangup(core, one, 3, 'silent');
    return;
  }
  if (options.timeoutMs > 0) state.timer = core.after(options.timeoutMs, () => dialTimedOut(core, one));
  two.pbx = new Pbx(core, two);
  two.pbx.start(two.dialplan.context, two.dialplan.exten, 1);
}

function laterDialstring(state: DialState): string {
  return state.mode === 'originate' ? state.dialstring : '';
}

function dialTimedOut(core: Core, one: SimChannel): void {
  const state = one.dial;
  if (!state || state.done) return;
  state.done = true;
  requestHangup(core, one, 19, state.mode === 'ari' ? 'explicit' : 'silent');
}

export function dialRinging(core: Core, one: SimChannel): void {
  const state = one.dial;
  if (!state) return;
  setState(core, one, 'Ringing');
  publishDial(core, one, 'RINGING', laterDialstring(state));
}

export function dialProgress(core: Core, one: SimChannel): void {
  const state = one.dial;
  if (!state) return;
  publishDial(core, one, 'PROGRESS', laterDialstring(state));
}

export function dialAnswered(core: Core, one: SimChannel): void {
  const state = one.dial;
  if (!state || state.done) return;
  state.done = true;
  core.cancel(state.timer);
  setState(core, one, 'Up');
  publishDial(core, one, 'ANSWER', laterDialstring(state));
  state.onAnswer();
}

/** The far side hung up before answering: an originate reports why (BUSY, NOANSWER...). */
export function reportDialHangup(core: Core, one: SimChannel): void {
  const state = one.dial;
  if (!state || state.done) return;
  state.done = true;
  core.cancel(state.timer);
  if (state.mode === 'originate')
    publishDial(core, one, dialStatusForCause(one.hangupCause), state.dialstring);
}
