import type { CallPort } from '../telephony/port.js';
import type { AgentLines, Conversation } from './lines.js';
import type { AgentLeg } from './session.js';
import type { Result } from './types.js';

export type PartyRole = 'CUSTOMER' | 'AGENT' | 'THIRD_PARTY';

/** One participant of a call: the customer, an agent, or an outside party. */
export interface Party {
  readonly id: string;
  readonly role: PartyRole;
  /** A phone number, a username, or the quick connect a party is being reached through. */
  name: string;
  /** Agents: the user, whose own operations act as this party. */
  userId?: string;
  /** Agents: their side of their contact segment, whose state the agent event stream reports. */
  leg?: AgentLeg;
  /**
   * Agents: the party their contact segment is with, whose hold shows as their contact's hold: the
   * customer for the first agent, the consulting agent for one reached through a quick connect.
   */
  counterpart?: Party;
  /** Undefined while the party is being reached. */
  call: CallPort | undefined;
  state: 'CONNECTING' | 'CONNECTED' | 'ON_HOLD';
  muted: boolean;
}

export interface ConferenceHost {
  readonly lines: AgentLines;
  /** What a held party hears (a hold flow, or music) until the signal aborts; settles once stopped. */
  hold(party: Party, call: CallPort, signal: AbortSignal): Promise<void>;
  /** The call's parties or their states changed: tell these agents. */
  changed(userIds: readonly string[]): void;
}

/** Connect's multi-party limit (seed 000): the agent, the caller and four more. */
export const MAX_PARTIES = 6;

interface Adding {
  by: Party;
  party: Party;
  /** Put on hold for the consult; back off hold if it fails. */
  held: Party[];
  cancel: () => void;
}

const fail = (code: string, message: string): Result<never> => ({ ok: false, code, message });
const done: Result = { ok: true, value: undefined };

/**
 * A call of up to six parties in one mixing bridge, with the multi-party rules of seed 000: every
 * agent on the call has the same controls over every party (hold, resume, mute, disconnect), an
 * agent unmutes only themselves, a party being dialled blocks adding another, and the call lasts as
 * long as the customer or an agent is on it with someone to talk to. A held party is out of the
 * bridge and hears its hold flow; held agents cannot hear each other.
 */
export class Conference {
  readonly #parties: Party[] = [];
  readonly #holds = new Map<Party, { stop: AbortController; stopped: Promise<void> }>();
  #adding: Adding | undefined;
  #primary: Party | undefined;
  #thirdParties = 0;
  #over = false;

  private constructor(
    /** The customer's contact id: participant ids are made from it. */
    readonly id: string,
    private readonly host: ConferenceHost,
    private readonly bridge: Conversation,
  ) {}

  /** The customer and the first (primary) agent, bridged. */
  static async start(
    host: ConferenceHost,
    id: string,
    customer: { call: CallPort; name: string },
    agent: { call: CallPort; name: string; userId: string; leg: AgentLeg },
  ): Promise<Conference> {
    const bridge = await host.lines.bridge([customer.call.channelId, agent.call.channelId]);
    const c = new Conference(id, host, bridge);
    const customerParty = c.#enter(
      { id: `${id}-customer`, role: 'CUSTOMER', name: customer.name, muted: false },
      customer.call,
    );
    c.#primary = c.#enter(
      {
        id: `${id}-${agent.userId}`,
        role: 'AGENT',
        name: agent.name,
        userId: agent.userId,
        leg: agent.leg,
        counterpart: customerParty,
        muted: false,
      },
      agent.call,
    );
    c.#sync();
    return c;
  }

  get over(): boolean {
    return this.#over;
  }

  parties(): readonly Party[] {
    return this.#parties;
  }

  agentParty(userId: string): Party | undefined {
    return this.#parties.find((p) => p.role === 'AGENT' && p.userId === userId);
  }

  // ---- adding parties ------------------------------------------------------------------------

  /**
   * Starts adding a party on behalf of an agent on the call: everyone else is put on hold and the
   * agent leaves the bridge, to hear the new party (or the transfer flow reaching them) alone.
   * `cancel` stops the dial or the consult if the agent disconnects the party before it answers.
   */
  async beginAdd(
    userId: string,
    party: { role: 'AGENT' | 'THIRD_PARTY'; name: string },
    cancel: () => void,
  ): Promise<Result<Party>> {
    const by = this.#actor(userId);
    if (!by.ok) return by;
    if (this.#adding)
      return fail(
        'AGENT_NOT_ALLOWED',
        'a party is still being dialled: wait until it answers or is cancelled',
      );
    if (this.#parties.length >= MAX_PARTIES)
      return fail('AGENT_NOT_ALLOWED', `the call already has ${MAX_PARTIES} participants`);
    if (!this.#parties.includes(this.#primary as Party) && this.#parties.length < 3)
      return fail(
        'AGENT_NOT_ALLOWED',
        'with the primary agent gone, parties can be added only to a call of three or more',
      );
    const added: Party = {
      id: `${this.id}-party-${++this.#thirdParties}`,
      role: party.role,
      name: party.name,
      call: undefined,
      state: 'CONNECTING',
      muted: false,
    };
    this.#parties.push(added);
    const held = this.#parties.filter((p) => p !== by.value && p !== added && p.state === 'CONNECTED');
    this.#adding = { by: by.value, party: added, held, cancel };
    await Promise.all(held.map((p) => this.#hold(p)));
    if (by.value.call) await this.bridge.remove(by.value.call.channelId);
    this.#sync();
    return { ok: true, value: added };
  }

  /** The party being added answered: it and the agent who added it talk in the bridge. */
  async answered(
    party: Party,
    call: CallPort,
    as?: { userId: string; name: string; leg: AgentLeg },
  ): Promise<void> {
    const adding = this.#adding;
    if (this.#over || adding?.party !== party) {
      await call.hangup().catch(() => {});
      return;
    }
    this.#adding = undefined;
    if (as) {
      party.userId = as.userId;
      party.name = as.name;
      party.leg = as.leg;
      party.counterpart = adding.by;
    }
    party.call = call;
    party.state = 'CONNECTED';
    call.onEnd(() => this.#gone(party));
    const by = adding.by;
    if (by.call && this.#parties.includes(by) && by.state === 'CONNECTED')
      await this.bridge.add(by.call.channelId);
    await this.bridge.add(call.channelId);
    this.#sync();
  }

  /** The party being added was not reached (or was cancelled): the held parties come back. */
  async addFailed(party: Party): Promise<void> {
    const adding = this.#adding;
    if (adding?.party !== party) return;
    this.#adding = undefined;
    this.#remove(party);
    if (this.#over) return;
    const by = adding.by;
    if (by.call && this.#parties.includes(by) && by.state === 'CONNECTED')
      await this.bridge.add(by.call.channelId);
    await Promise.all(adding.held.filter((p) => p.state === 'ON_HOLD').map((p) => this.#resume(p)));
    this.#settle();
    this.#sync();
  }

  // ---- controls (any agent on the call, on any party) ------------------------------------------

  async hold(userId: string, participantId: string): Promise<Result> {
    const p = this.#target(userId, participantId);
    if (!p.ok) return p;
    if (p.value.party.state === 'CONNECTING')
      return fail('AGENT_NOT_ALLOWED', 'the party is still being dialled');
    await this.#hold(p.value.party);
    this.#sync();
    return done;
  }

  /** Any agent takes anyone off hold, themselves included. */
  async resume(userId: string, participantId: string): Promise<Result> {
    const p = this.#target(userId, participantId);
    if (!p.ok) return p;
    if (p.value.party.state === 'CONNECTING')
      return fail('AGENT_NOT_ALLOWED', 'the party is still being dialled');
    await this.#resume(p.value.party);
    this.#sync();
    return done;
  }

  async mute(userId: string, participantId: string, muted: boolean): Promise<Result> {
    const p = this.#target(userId, participantId);
    if (!p.ok) return p;
    const { party, by } = p.value;
    if (!muted && party.role === 'AGENT' && party !== by)
      return fail('AGENT_NOT_ALLOWED', 'an agent can unmute only themselves');
    if (!party.call) return fail('AGENT_NOT_ALLOWED', 'the party is still being dialled');
    await this.host.lines.mute(party.call.channelId, muted);
    party.muted = muted;
    this.#sync();
    return done;
  }

  /** Hangs up a party; a party still being dialled is cancelled; the agent's own id leaves. */
  async disconnect(userId: string, participantId: string): Promise<Result> {
    const p = this.#target(userId, participantId);
    if (!p.ok) return p;
    const { party } = p.value;
    if (party.state === 'CONNECTING') {
      this.#adding?.cancel();
      await this.addFailed(party);
    } else await party.call?.hangup().catch(() => {});
    return done;
  }

  /** Join: everyone off hold, all talking together. */
  async join(userId: string): Promise<Result> {
    const by = this.#actor(userId);
    if (!by.ok) return by;
    if (this.#adding) return fail('AGENT_NOT_ALLOWED', 'a party is still being dialled');
    await this.#rejoin(by.value);
    await Promise.all(this.#parties.filter((p) => p.state === 'ON_HOLD').map((p) => this.#resume(p)));
    this.#sync();
    return done;
  }

  /** Swap, on a three-party call only (seed 000): hold the party talked to, talk to the held one. */
  async swap(userId: string): Promise<Result> {
    const by = this.#actor(userId);
    if (!by.ok) return by;
    const others = this.#parties.filter((p) => p !== by.value);
    const held = others.filter((p) => p.state === 'ON_HOLD');
    const talking = others.filter((p) => p.state === 'CONNECTED');
    if (this.#parties.length !== 3 || held.length !== 1 || talking.length !== 1)
      return fail('AGENT_NOT_ALLOWED', 'swap needs a call of three with one party on hold');
    await this.#rejoin(by.value);
    await this.#hold(talking[0] as Party);
    await this.#resume(held[0] as Party);
    this.#sync();
    return done;
  }

  /** Holds everyone but the agent asking. */
  async holdAll(userId: string): Promise<Result> {
    const by = this.#actor(userId);
    if (!by.ok) return by;
    await Promise.all(
      this.#parties.filter((p) => p !== by.value && p.state === 'CONNECTED').map((p) => this.#hold(p)),
    );
    this.#sync();
    return done;
  }

  // ---- internals --------------------------------------------------------------------------------

  #enter(party: Omit<Party, 'call' | 'state'>, call: CallPort): Party {
    const p: Party = { ...party, call, state: 'CONNECTED' };
    this.#parties.push(p);
    call.onEnd(() => this.#gone(p));
    return p;
  }

  #actor(userId: string): Result<Party> {
    const by = this.agentParty(userId);
    if (this.#over || !by?.call) return fail('AGENT_NOT_ALLOWED', 'not on this call');
    return { ok: true, value: by };
  }

  #target(userId: string, participantId: string): Result<{ by: Party; party: Party }> {
    const by = this.#actor(userId);
    if (!by.ok) return by;
    const party = this.#parties.find((p) => p.id === participantId);
    return party
      ? { ok: true, value: { by: by.value, party } }
      : fail('AGENT_NOT_FOUND', `no participant ${participantId}`);
  }

  /** An agent who left the bridge to add a party comes back to it. */
  async #rejoin(by: Party): Promise<void> {
    if (by.call && by.state === 'CONNECTED') await this.bridge.add(by.call.channelId);
  }

  async #hold(p: Party): Promise<void> {
    const call = p.call;
    if (p.state !== 'CONNECTED' || !call) return;
    p.state = 'ON_HOLD';
    const stop = new AbortController();
    const removed = this.bridge.remove(call.channelId).catch(() => {});
    // Kept before the bridge answers, so a resume or a hang-up meanwhile stops it from starting.
    const stopped = removed.then(() =>
      stop.signal.aborted ? undefined : this.host.hold(p, call, stop.signal),
    );
    this.#holds.get(p)?.stop.abort();
    this.#holds.set(p, { stop, stopped: stopped.catch(() => {}) });
    await removed;
  }

  async #resume(p: Party): Promise<void> {
    if (p.state !== 'ON_HOLD' || !p.call) return;
    p.state = 'CONNECTED';
    await this.#stopHold(p);
    if (!p.call.ended) await this.bridge.add(p.call.channelId);
  }

  async #stopHold(p: Party): Promise<void> {
    const h = this.#holds.get(p);
    if (!h) return;
    this.#holds.delete(p);
    h.stop.abort();
    await h.stopped;
  }

  #remove(p: Party): void {
    const i = this.#parties.indexOf(p);
    if (i >= 0) this.#parties.splice(i, 1);
    void this.#stopHold(p);
  }

  #gone(p: Party): void {
    if (!this.#parties.includes(p)) return;
    this.#remove(p);
    if (p.call) void this.bridge.remove(p.call.channelId).catch(() => {});
    const adding = this.#adding;
    if (adding?.by === p) {
      // The agent adding a party left before it answered: the attempt goes with them.
      adding.cancel();
      void this.addFailed(adding.party);
    }
    this.#settle(p);
    this.#sync();
  }

  /**
   * When does the call end (seed 000): it stays up while the customer or an agent is on it with
   * someone to talk to; only third parties left, or one party alone, and it is over. An agent who
   * leaves hands the customer to those remaining, off hold (seed 004: "the customer and Maria are
   * directly connected"); with no agent left talking, third parties come off hold too. A held agent
   * stays held until someone, themselves included, resumes them (seed 003).
   */
  #settle(left?: Party): void {
    if (this.#over) return;
    const reached = this.#parties.filter((p) => p.call);
    const anchored = reached.some((p) => p.role !== 'THIRD_PARTY');
    if (!anchored || this.#parties.length <= 1) {
      this.#end();
      return;
    }
    if (left?.role !== 'AGENT' || this.#adding) return;
    const agentTalking = reached.some((p) => p.role === 'AGENT' && p.state === 'CONNECTED');
    for (const p of reached)
      if (p.state === 'ON_HOLD' && (p.role === 'CUSTOMER' || (p.role === 'THIRD_PARTY' && !agentTalking)))
        void this.#resume(p);
  }

  #end(): void {
    this.#over = true;
    const adding = this.#adding;
    this.#adding = undefined;
    adding?.cancel();
    for (const p of [...this.#parties]) {
      this.#remove(p);
      void p.call?.hangup().catch(() => {});
    }
    void this.bridge.destroy();
  }

  /**
   * Agents' contact states for their event stream: on hold when they are, or when the party their
   * segment is with is (Connect's CCP shows the held customer as the contact on hold).
   */
  #sync(): void {
    const held = (p: Party | undefined) => p?.state === 'ON_HOLD' && this.#parties.includes(p);
    const agents: string[] = [];
    for (const p of this.#parties) {
      if (p.role !== 'AGENT' || !p.userId) continue;
      agents.push(p.userId);
      const leg = p.leg;
      if (leg && (leg.state === 'CONNECTED' || leg.state === 'CONNECTED_ONHOLD'))
        leg.state = held(p) || held(p.counterpart) ? 'CONNECTED_ONHOLD' : 'CONNECTED';
    }
    this.host.changed(agents);
  }
}
