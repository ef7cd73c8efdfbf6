import type { ConferenceHost, Party } from '../../src/center/conference.js';
import type { AgentLeg } from '../../src/center/session.js';
import type { CallPort } from '../../src/telephony/port.js';
import { FakeLines } from './center-lines.js';

/** One stretch of hold media a party heard (or still hears). */
export interface HeldStretch {
  party: Party;
  call: CallPort;
  signal: AbortSignal;
  /** Set once the conference aborted the signal and the hold media stopped. */
  stopped: boolean;
}

/**
 * TEST DOUBLE of ConferenceHost for the conference's unit tests: a held party "hears hold media"
 * from `hold` until its signal aborts, and `changed` calls are recorded. The bridge and mutes are
 * FakeLines'. The real host is InstanceCenter.conferenceHost (runtime/src/center/center.ts), which
 * runs hold flows.
 */
export class FakeConferenceHost implements ConferenceHost {
  readonly lines = new FakeLines();
  readonly holds: HeldStretch[] = [];
  /** The user ids of each `changed` call, in order. */
  readonly changes: string[][] = [];

  hold(party: Party, call: CallPort, signal: AbortSignal): Promise<void> {
    const stretch: HeldStretch = { party, call, signal, stopped: false };
    this.holds.push(stretch);
    return new Promise((resolve) => {
      const stop = () => {
        stretch.stopped = true;
        resolve();
      };
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });
    });
  }

  changed(userIds: readonly string[]): void {
    this.changes.push([...userIds]);
  }

  /** The participant ids hearing hold media now, sorted. */
  hearingHold(): string[] {
    return this.holds
      .filter((h) => !h.stopped)
      .map((h) => h.party.id)
      .sort();
  }

  /** The channels in the conference's bridge (the first one these lines made), sorted. */
  bridged(): string[] {
    return [...(this.lines.bridges[0]?.members ?? [])].sort();
  }

  get bridgeDestroyed(): boolean {
    return this.lines.bridges[0]?.destroyed ?? false;
  }
}

/** An agent's side of their contact segment as the session leaves it once connected. */
export function connectedLeg(userId: string, call?: CallPort): AgentLeg {
  return {
    target: {
      userId,
      arn: `arn:aws:connect:us-east-1:000000000000:instance/test/agent/${userId}`,
      username: userId,
      displayName: userId,
      endpoint: `Test/${userId}`,
      routingProfile: undefined,
    },
    state: 'CONNECTED',
    since: 0,
    call,
    muted: false,
    customerMuted: false,
    cancel: new AbortController(),
  };
}

/** Lets every promise chain the conference started without awaiting (`void`) run to its end. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
