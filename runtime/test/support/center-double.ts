import { randomUUID } from 'node:crypto';
import type { Clock } from '@parley/ari';
import type { AgentCenter, ContactDetails, ParticipantView } from '../../src/agents/types.js';
import type {
  AgentContact,
  AgentEvent,
  AgentSnapshot,
  QuickConnectView,
  Result,
} from '../../src/center/types.js';
import { type AgentStatus, RoutingEngine, type RoutingEvent } from '../../src/routing/index.js';
import { agentSnapshot, type Call, type DoubleUser, offeredCall } from './center-double-shapes.js';

export type { DoubleUser };

/**
 * TEST DOUBLE of the contact-center core, for the agent API's tests: agent states, offers,
 * accept/reject and After Contact Work come from the real RoutingEngine; there is no telephony, so a
 * call is a list of participants whose hold and mute are flags, and transfers, conferences and
 * swaps are refused. The real core is runtime/src/center.
 */

interface AgentState {
  user: DoubleUser;
  loggedIn: boolean;
  statusSince: string;
  call: Call | undefined;
  /** The offer just missed or rejected, shown until the agent sets a status. */
  missed: AgentContact | undefined;
}

const fail = (code: string, message: string): Result<never> => ({ ok: false, code, message });
const done: Result = { ok: true, value: undefined };

export class CenterDouble implements AgentCenter {
  readonly engine: RoutingEngine;
  readonly #agents = new Map<string, AgentState>();
  readonly #listeners = new Set<(e: AgentEvent) => void>();
  readonly #partyListeners = new Set<(userId: string) => void>();
  readonly #queued = new Map<string, { attributes: Record<string, string>; from: string }>();

  constructor(
    private readonly clock: Clock,
    private readonly instanceArn: string,
    users: DoubleUser[],
    private readonly options: { customStatuses?: string[]; quickConnects?: QuickConnectView[] } = {},
  ) {
    this.engine = new RoutingEngine({ clock, onEvent: (e) => this.#routed(e) });
    for (const user of users)
      this.#agents.set(user.id, {
        user,
        loggedIn: false,
        statusSince: this.#now(),
        call: undefined,
        missed: undefined,
      });
  }

  /** A caller waiting in a queue with these attributes (what a queue flow would leave). */
  enqueue(
    contactId: string,
    queueArn: string,
    attributes: Record<string, string> = {},
    from = '+15550100',
  ): void {
    this.#queued.set(contactId, { attributes, from });
    this.engine.enqueue({ contactId, queueArn });
  }

  customStatuses(): readonly string[] {
    return this.options.customStatuses ?? [];
  }

  contactDetails(userId: string, contactId: string): ContactDetails | undefined {
    const call = this.#agents.get(userId)?.call;
    return call?.contact.ContactId === contactId ? call.details : undefined;
  }

  async login(userId: string): Promise<Result<AgentSnapshot>> {
    const a = this.#agents.get(userId);
    if (!a) return fail('AGENT_NOT_FOUND', `no agent ${userId}`);
    if (!a.loggedIn) {
      a.loggedIn = true;
      const queues = a.user.queues.map((q) => ({ queueArn: q.arn, priority: 1, delaySeconds: 0 }));
      this.engine.upsertAgent({
        id: userId,
        profile: { id: 'profile', queues },
        acwSeconds: a.user.acwSeconds ?? 0,
      });
      this.#emit(a, 'LOGIN', null);
    }
    return { ok: true, value: this.#snapshot(a) };
  }

  async logout(userId: string): Promise<Result> {
    const a = this.#agent(userId);
    if (!a.ok) return a;
    const before = this.#snapshot(a.value);
    this.engine.setStatus(userId, 'Offline');
    a.value.loggedIn = false;
    this.#emit(a.value, 'LOGOUT', before);
    return done;
  }

  async setStatus(userId: string, status: AgentStatus): Promise<Result> {
    const a = this.#agent(userId);
    if (!a.ok) return a;
    if (typeof status !== 'string' && !this.customStatuses().includes(status.custom))
      return fail('AGENT_NOT_FOUND', `no status ${status.custom}`);
    a.value.missed = undefined;
    a.value.statusSince = this.#now();
    this.engine.setStatus(userId, status);
    return done;
  }

  async accept(userId: string, contactId: string): Promise<Result> {
    const a = this.#agent(userId);
    if (!a.ok) return a;
    if (a.value.call?.contact.ContactId !== contactId)
      return fail('AGENT_NOT_FOUND', `no contact ${contactId}`);
    const r = this.engine.accept(userId);
    if (!r.ok) return fail('AGENT_NOT_ALLOWED', `cannot accept: ${r.error}`);
    return done;
  }

  async reject(userId: string, contactId: string): Promise<Result> {
    const a = this.#agent(userId);
    if (!a.ok) return a;
    if (a.value.call?.contact.ContactId !== contactId)
      return fail('AGENT_NOT_FOUND', `no contact ${contactId}`);
    const r = this.engine.reject(userId);
    return r.ok ? done : fail('AGENT_NOT_ALLOWED', `cannot reject: ${r.error}`);
  }

  hold = (u: string, p: string) => this.#party(u, p, (x) => Object.assign(x, { state: 'ON_HOLD' }));
  resume = (u: string, p: string) => this.#party(u, p, (x) => Object.assign(x, { state: 'CONNECTED' }));
  mute = (u: string, p: string) => this.#party(u, p, (x) => Object.assign(x, { muted: true }));
  unmute = (u: string, p: string) => this.#party(u, p, (x) => Object.assign(x, { muted: false }));

  async disconnect(userId: string, participantId: string): Promise<Result> {
    return this.#party(userId, participantId, () => {
      // Two parties only: either one hanging up ends the contact.
      const r = this.engine.endContact(userId);
      if (!r.ok) return fail('AGENT_NOT_ALLOWED', `cannot end: ${r.error}`);
      return done;
    });
  }

  async clearContact(userId: string, contactId: string): Promise<Result> {
    const a = this.#agent(userId);
    if (!a.ok) return a;
    if (a.value.call?.contact.ContactId !== contactId)
      return fail('AGENT_NOT_FOUND', `no contact ${contactId}`);
    const r = this.engine.clearAcw(userId);
    return r.ok ? done : fail('AGENT_NOT_ALLOWED', 'the contact is not in After Contact Work');
  }

  async quickConnects(userId: string): Promise<Result<QuickConnectView[]>> {
    const a = this.#agent(userId);
    return a.ok ? { ok: true, value: this.options.quickConnects ?? [] } : a;
  }

  async transfer(userId: string): Promise<Result> {
    const a = this.#agent(userId);
    return a.ok ? fail('AGENT_NOT_ALLOWED', 'the test double places no calls') : a;
  }
  conference = (userId: string) => this.transfer(userId);
  swap = (userId: string) => this.transfer(userId);
  holdAll = (userId: string) => this.transfer(userId);

  snapshot(userId: string): AgentSnapshot | undefined {
    const a = this.#agents.get(userId);
    return a?.loggedIn ? this.#snapshot(a) : undefined;
  }

  onAgentEvent(listener: (event: AgentEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  onParticipantsChange(listener: (userId: string) => void): () => void {
    this.#partyListeners.add(listener);
    return () => this.#partyListeners.delete(listener);
  }

  /** Tells the listeners that this agent's call's parties changed, as the core does on any change. */
  participantsChanged(userId: string): void {
    for (const l of this.#partyListeners) l(userId);
  }

  /** How many listen for participant changes: an events socket closed must leave none behind. */
  get participantListeners(): number {
    return this.#partyListeners.size;
  }

  // ---- the double's workings -----------------------------------------------------------------

  #now = () => new Date(this.clock.now()).toISOString();

  #agent(userId: string): Result<AgentState> {
    const a = this.#agents.get(userId);
    if (!a) return fail('AGENT_NOT_FOUND', `no agent ${userId}`);
    return a.loggedIn ? { ok: true, value: a } : fail('AGENT_NOT_LOGGED_IN', 'log in first');
  }

  async #party(
    userId: string,
    participantId: string,
    change: (p: ParticipantView) => unknown,
  ): Promise<Result> {
    const a = this.#agent(userId);
    if (!a.ok) return a;
    const call = a.value.call;
    if (!call || call.contact.State === 'INCOMING' || call.contact.State === 'ENDED')
      return fail('AGENT_NOT_ALLOWED', 'not on a call');
    const p = call.details.participants.find((x) => x.participantId === participantId);
    if (!p) return fail('AGENT_NOT_FOUND', `no participant ${participantId}`);
    const before = this.#snapshot(a.value);
    const outcome = change(p);
    if (outcome && typeof outcome === 'object' && 'ok' in outcome) return outcome as Result;
    const customer = call.details.participants.find((x) => x.role === 'CUSTOMER');
    this.#setContact(call, customer?.state === 'ON_HOLD' ? 'CONNECTED_ONHOLD' : 'CONNECTED');
    this.#emit(a.value, 'STATE_CHANGE', before);
    this.participantsChanged(userId);
    return done;
  }

  #setContact(call: Call, state: AgentContact['State']): void {
    call.contact.State = state;
    call.contact.StateStartTimestamp = this.#now();
    if (state === 'CONNECTED' && !call.contact.ConnectedToAgentTimestamp)
      call.contact.ConnectedToAgentTimestamp = this.#now();
  }

  /** Follows the routing engine: an offer rings, an answer connects, the end leaves ACW. */
  #routed(e: RoutingEvent): void {
    if (e.type === 'offer') {
      const a = this.#agents.get(e.agentId);
      const queued = this.#queued.get(e.contact.contactId);
      if (!a || !queued) return;
      const queue = a.user.queues.find((q) => q.arn === e.contact.queueArn);
      a.call = offeredCall(e.contact, a.user, queued, queue, this.#now());
      return;
    }
    if (e.type === 'missed') {
      const a = this.#agents.get(e.agentId);
      if (a?.call) a.missed = { ...a.call.contact, State: e.reason === 'rejected' ? 'REJECTED' : 'MISSED' };
      if (a) a.call = undefined;
      return;
    }
    if (e.type === 'offer-withdrawn') {
      const a = this.#agents.get(e.agentId);
      if (a) a.call = undefined;
      return;
    }
    const a = this.#agents.get(e.agent.id);
    if (!a?.loggedIn) return;
    const before = this.#last.get(a.user.id) ?? null;
    if (a.call) {
      const activity = e.agent.activity;
      if (activity === 'busy' && a.call.contact.State === 'INCOMING') this.#setContact(a.call, 'CONNECTED');
      if (activity === 'acw') this.#setContact(a.call, 'ENDED');
      if (activity === 'idle' || activity === 'missed') a.call = undefined;
    }
    this.#emit(a, 'STATE_CHANGE', before);
  }

  readonly #last = new Map<string, AgentSnapshot>();

  #emit(a: AgentState, type: AgentEvent['EventType'], previous: AgentSnapshot | null): void {
    const current = type === 'LOGOUT' ? null : this.#snapshot(a);
    if (current) this.#last.set(a.user.id, current);
    const event: AgentEvent = {
      AgentARN: a.user.arn,
      AWSAccountId: this.instanceArn.split(':')[4] ?? '',
      CurrentAgentSnapshot: current,
      EventId: randomUUID(),
      EventTimestamp: this.#now(),
      EventType: type,
      InstanceARN: this.instanceArn,
      PreviousAgentSnapshot: previous,
      Version: '2019-05-25',
    };
    for (const l of this.#listeners) l(event);
  }

  #snapshot(a: AgentState): AgentSnapshot {
    const status = this.engine.agent(a.user.id)?.status ?? 'Offline';
    const contact = a.call?.contact ?? a.missed;
    return agentSnapshot(this.instanceArn, a.user, status, a.statusSince, contact ? [contact] : []);
  }
}
