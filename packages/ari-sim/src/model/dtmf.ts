import type { SimChannel } from './channel.js';
import type { Command } from './control.js';
import type { Core } from './core.js';

export interface DtmfRequest {
  dtmf: string;
  before: number;
  between: number;
  duration: number;
  after: number;
}

/** `ast_dtmf_stream` waits this long before the first digit ("need a quiet time"). */
const QUIET_BEFORE_MS = 100;
const VALID = /^[0-9A-D*#]$/i;

/**
 * A channel reads a DTMF end: ChannelDtmfReceived (even when bridged, even with absorbDTMF), a
 * recording's terminateOn, and, unless absorbed, the digit goes on through its bridge to the other
 * members, whose Local peers read it in turn.
 */
export function dtmfRead(core: Core, reader: SimChannel, digit: string, durationMs: number, hops = 0): void {
  if (reader.destroyed || reader.hangingUp) return;
  core.publishChannel(reader, 'ChannelDtmfReceived', { digit, duration_ms: durationMs });
  core.recordings.dtmf(reader, digit);
  const membership = reader.membership;
  if (!membership || membership.absorbDtmf || hops > 0) return;
  for (const other of membership.bridge.members) {
    if (other === reader || other.internal || !other.peer) continue;
    dtmfRead(core, other.peer, digit, durationMs, hops + 1);
  }
}

/**
 * `POST /dtmf` on a channel: the digits are written to it, so its Local peer reads them. Each
 * ChannelDtmfReceived comes at the digit's end: before + 100 ms + n × (duration + between) +
 * duration. The command holds the channel's queue until the last pause and `after` are over.
 */
export function dtmfCommand(core: Core, chan: SimChannel, request: DtmfRequest): Command {
  return {
    run(done) {
      const digits: string[] = [];
      // Node runs overdue timers one list per duration, each list whole: after a stall of the
      // event loop a later digit's timer can fire first. Each timer therefore reads every digit up
      // to its own that has not been read yet, and the command's end reads the rest.
      let read = 0;
      const readThrough = (last: number) => {
        for (; read <= last; read++) {
          const digit = digits[read];
          if (digit && chan.peer && chan.tech === 'Local') dtmfRead(core, chan.peer, digit, request.duration);
        }
      };
      let at = request.before + QUIET_BEFORE_MS;
      for (const c of request.dtmf) {
        if (c === 'w') at += 500;
        else if (c === 'W') at += 1000;
        else if (VALID.test(c)) {
          const index = digits.push(c.toUpperCase()) - 1;
          core.after(at + request.duration, () => readThrough(index));
          at += request.duration + request.between;
        }
      }
      core.after(at + request.after, () => {
        readThrough(digits.length - 1);
        done();
      });
    },
  };
}
