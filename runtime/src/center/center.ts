import { randomUUID } from 'node:crypto';
import type { Clock, TimerHandle } from '@parley/ari';
import { type Contact, createContact } from '@parley/flow';
import type { AgentCenter, ContactDetails } from '../agents/types.js';
import type { Instance } from '../contact/instance.js';
import type { CallbackRequest, QueueMetrics } from '../executors/types.js';
import { buildContactRecord, type ContactRecordSink, recordTimestamp } from '../logs/contact-record.js';
import { type AgentStatus, RoutingEngine, type RoutingEvent } from '../routing/index.js';
import { DEFAULT_PSTN_ENDPOINT } from '../telephony/ari-call.js';
import type { CallPort } from '../telephony/port.js';
import { type AgentUser, agentUser, snapshotOf } from './agents.js';
import { CallbackSession } from './callback.js';
import type { Conference, ConferenceHost } from './conference.js';
import { defaultAgentHold, type FlowDeps, hookFlow, loopSideFlow } from './flows.js';
import type { AgentLines } from './lines.js';
import { PendingLeg } from './pending-leg.js';
import type { RingLoss } from './ring.js';
import { type Consult, ContactSession, type SessionHost } from './session.js';
import { Transfers } from './transfer.js';
import type { AgentContact, AgentEvent, AgentSnapshot, QuickConnectView, Result } from './types.js';

export interface CenterOptions {
  /** The instance as last built (rebuilt on publish): read on each use. */
  instance: () => Instance | undefined;
  flows: Omit<FlowDeps, 'instance'>;
  lines: AgentLines;
  clock: Clock;
  /** Endpoint of a user without one of their own; `{ext}` is their extension. Default `PJSIP/{ext}`. */
  endpointTemplate?: string;
  /** How long an agent's phone rings before the offer counts as missed. Default 20 s. */
  offerTimeoutSeconds?: number;
  /** Where callback contacts' records go (inbound contacts' are their runner's). */
  records?: ContactRecordSink;
  /**
   * Where callbacks dial the customer and desk phones ring; `{number}` is E.164. Default
   * DEFAULT_PSTN_ENDPOINT.
   */
  pstnEndpoint?: string;
  /** How long a callback's customer rings before the attempt counts as unanswered. Default 30 s. */
  customerRingSeconds?: number;
}

/** A routed contact: a queued call, or a callback dialled once an agent takes it. */
type RoutedSession = ContactSession | CallbackSession;

const HEARTBEAT_MS = 120_000;
const fail = (code: string, message: string): Result<never> => ({ ok: false, code, message });
const done: Result = { ok: true, value: undefined };

interface Agent {
  user: AgentUser;
  statusSince: string;
  heartbeat: TimerHandle | undefined;
  last: AgentSnapshot | null;
  session: RoutedSession | undefined;
}

/**
 * One instance's contact center: the routing engine over its users and routing profiles, queued
 * contacts' sessions (queue flow, ringing, whispers, bridge), the agent operations of the panel and
 * Connect's agent event stream.
 */
export class InstanceCenter implements AgentCenter, SessionHost {
  readonly engine: RoutingEngine;
  readonly lines: AgentLines;
  readonly offerTimeoutSeconds: number;
  readonly #options: CenterOptions;
  readonly #agents = new Map<string, Agent>();
  readonly #sessions = new Map<string, RoutedSession>();
  readonly #listeners = new Set<(event: AgentEvent) => void>();
  readonly #partyListeners = new Set<(userId: string) => void>();
  readonly #transfers: Transfers;

  constructor(options: CenterOptions) {
    this.#options = options;
    this.lines = options.lines;
    this.#transfers = new Transfers({
      instance: () => this.#instance(),
      deps: () => this.deps(),
      lines: options.lines,
      records: options.records,
      pstnEndpoint: options.pstnEndpoint ?? DEFAULT_PSTN_ENDPOINT,
      newSession: (call, contactId, consult) => this.attach(call, contactId, consult),
    });
    this.offerTimeoutSeconds = options.offerTimeoutSeconds ?? 20;
    this.engine = new RoutingEngine({
      clock: options.clock,
      offerTimeoutMs: this.offerTimeoutSeconds * 1000 + 1000,
      onEvent: (e) => this.#routed(e),
    });
  }

  // ---- calls ----------------------------------------------------------------------------------

  /** Takes a call's routing (serveInbound's `attach`). */
  attach(call: CallPort, contactId: string, consult?: Consult): ContactSession {
    const session = new ContactSession(this, contactId, call, consult ? { consult } : {});
    this.#sessions.set(contactId, session);
    return session;
  }

  deps(): FlowDeps {
    const instance = this.#instance();
    return { ...this.#options.flows, instance };
  }

  async enqueue(session: ContactSession, contact: Contact, queueArn: string) {
    const instance = this.#instance();
    const queue = instance.queue(queueArn) ?? instance.agentQueue(queueArn);
    if (!queue) return { ok: false as const, errorType: 'NoMatchingError', reason: `no queue ${queueArn}` };
    const max =
      'maxContacts' in queue && typeof queue.maxContacts === 'number' ? queue.maxContacts : undefined;
    const size = this.engine.counts(queue.arn).size;
    if (max !== undefined && size >= max)
      return { ok: false as const, errorType: 'QueueAtCapacity', reason: `${queue.name} holds ${size}` };
    if (this.engine.waiting(contact.ContactId) || session.leg) this.engine.dequeue(contact.ContactId);
    session.queue = { arn: queue.arn, name: queue.name, enqueuedAt: this.#options.clock.now() };
    this.engine.enqueue({
      contactId: contact.ContactId,
      queueArn: queue.arn,
      priority: contact.routing.priority,
      timeAdjustmentSeconds: contact.routing.ageAdjustmentSeconds,
    });
    return { ok: true as const };
  }

  metrics = async (queueArn: string): Promise<QueueMetrics | undefined> => {
    const instance = this.#instance();
    const queue = instance.queue(queueArn) ?? instance.agentQueue(queueArn);
    if (!queue) return undefined;
    const counts = this.engine.counts(queue.arn);
    return { queue: { arn: queue.arn, name: queue.name }, ...counts };
  };

  dequeue(contactId: string): void {
    this.engine.dequeue(contactId);
  }

  missed(userId: string, contactId: string, by: RingLoss = 'agent'): void {
    const s = this.#sessions.get(contactId);
    // An outbound call the agent's own phone did not take is over, not offered again.
    if (s instanceof ContactSession && s.outbound) {
      this.engine.dequeue(contactId);
      void s.call.hangup();
      return;
    }
    if (this.engine.agent(userId)?.contactId !== contactId) return;
    if (by === 'agent') this.engine.reject(userId);
    else this.engine.offerLost(userId);
  }

  accepted(userId: string, contactId: string): boolean {
    const a = this.engine.agent(userId);
    if (a?.activity !== 'offered' || a.contactId !== contactId) return false;
    return this.engine.accept(userId).ok;
  }

  finished(userId: string): void {
    this.engine.endContact(userId);
    const a = this.#agents.get(userId);
    if (this.engine.agent(userId)?.activity !== 'acw') {
      a?.session?.acwOver(this.#options.clock.now(), false);
      if (a) a.session = undefined;
    }
    this.changed(userId);
  }

  changed(userId: string): void {
    const a = this.#agents.get(userId);
    if (a) this.#emit(a, 'STATE_CHANGE');
  }

  /** Held parties hear the contact's hold flows: CustomerHold, AgentHold (or Connect's defaults). */
  conferenceHost(session: ContactSession): ConferenceHost {
    return {
      lines: this.lines,
      hold: (party, call, signal) => {
        const deps = this.deps();
        const hook =
          party.role === 'AGENT' ? 'AgentHold' : party.role === 'CUSTOMER' ? 'CustomerHold' : undefined;
        return loopSideFlow(deps, {
          call,
          contact: () => session.contact as Contact,
          flow: (contact) =>
            hook === undefined
              ? undefined
              : (hookFlow(deps.instance, contact, hook) ??
                (hook === 'AgentHold' ? defaultAgentHold(deps.instance) : undefined)),
          routing: session.routing,
          signal,
        });
      },
      changed: (userIds) => {
        for (const id of userIds) {
          this.changed(id);
          for (const listener of this.#partyListeners) listener(id);
        }
      },
    };
  }

  /** CreateCallbackContact: a new CALLBACK contact, queued once its initial delay has passed. */
  createCallback = async (contact: Contact, request: CallbackRequest) => {
    const instance = this.#instance();
    const queue = instance.queue(request.queueArn) ?? instance.agentQueue(request.queueArn);
    if (!queue)
      return { ok: false as const, errorType: 'NoMatchingError', reason: `no queue ${request.queueArn}` };
    const callback = new CallbackSession(
      this,
      { ...request, queueArn: queue.arn, queueName: queue.name },
      contact,
      {
        pstnEndpoint: this.#options.pstnEndpoint ?? DEFAULT_PSTN_ENDPOINT,
        customerRingSeconds: this.#options.customerRingSeconds ?? 30,
        records: this.#options.records,
      },
    );
    this.#sessions.set(callback.contactId, callback);
    callback.schedule(request.initialCallDelaySeconds);
    return { ok: true as const, contactId: callback.contactId };
  };

  queueCallback(callback: CallbackSession): boolean {
    const instance = this.#instance();
    if (!instance.queue(callback.request.queueArn) && !instance.agentQueue(callback.request.queueArn))
      return false;
    this.engine.enqueue({
      contactId: callback.contactId,
      queueArn: callback.request.queueArn,
      kind: 'callback',
    });
    return true;
  }

  closed(session: { contactId: string }): void {
    if (this.#sessions.get(session.contactId) === session) this.#sessions.delete(session.contactId);
  }

  #routed(e: RoutingEvent): void {
    const now = this.#options.clock.now();
    if (e.type === 'offer') {
      const session = this.#sessions.get(e.contact.contactId);
      const a = this.#agents.get(e.agentId);
      if (!session || !a?.user.endpoint) {
        this.engine.reject(e.agentId);
        return;
      }
      a.session = session;
      void session.offer(
        {
          userId: a.user.id,
          arn: a.user.arn,
          username: a.user.username,
          displayName: [a.user.firstName, a.user.lastName].filter(Boolean).join(' ') || a.user.username,
          endpoint: a.user.endpoint,
          routingProfile: a.user.profileRef,
        },
        now,
      );
    } else if (e.type === 'offer-withdrawn' || e.type === 'missed') {
      this.#sessions.get(e.contactId)?.withdraw();
      const a = this.#agents.get(e.agentId);
      if (a?.session?.contactId === e.contactId) a.session = undefined;
    } else if (e.type === 'agent') {
      const a = this.#agents.get(e.agent.id);
      if (!a) return;
      if (e.agent.activity !== 'acw' && a.session?.leg?.state === 'ENDED') {
        a.session.acwOver(now, true);
        a.session = undefined;
      }
      this.#emit(a, 'STATE_CHANGE');
    }
  }

  // ---- agent operations -------------------------------------------------------------------------

  async login(userId: string): Promise<Result<AgentSnapshot>> {
    const instance = this.#instance();
    const entry = instance.entry('user', userId);
    if (!entry) return fail('AGENT_NOT_FOUND', `no user ${userId}`);
    const user = agentUser(instance, entry, {
      extension: this.#options.endpointTemplate ?? 'PJSIP/{ext}',
      pstn: this.#options.pstnEndpoint ?? DEFAULT_PSTN_ENDPOINT,
    });
    let a = this.#agents.get(user.id);
    this.engine.upsertAgent({ id: user.id, profile: user.profile, acwSeconds: user.acwSeconds });
    if (a) a.user = user;
    else {
      a = { user, statusSince: this.#stamp(), heartbeat: undefined, last: null, session: undefined };
      this.#agents.set(user.id, a);
      const agent = a;
      const beat = () => {
        this.#emit(agent, 'HEART_BEAT');
        agent.heartbeat = this.#options.clock.setTimeout(beat, HEARTBEAT_MS);
      };
      a.heartbeat = this.#options.clock.setTimeout(beat, HEARTBEAT_MS);
      this.#emit(a, 'LOGIN');
    }
    return { ok: true, value: this.#snapshot(a) };
  }

  async logout(userId: string): Promise<Result> {
    const a = this.#agent(userId);
    if (!a.ok) return a;
    const agent = a.value;
    if (agent.session) return fail('AGENT_NOT_ALLOWED', 'finish the contact first');
    this.engine.setStatus(agent.user.id, 'Offline');
    if (agent.heartbeat !== undefined) this.#options.clock.clearTimeout(agent.heartbeat);
    this.#agents.delete(agent.user.id);
    this.#emit(agent, 'LOGOUT', null);
    return done;
  }

  async setStatus(userId: string, status: AgentStatus): Promise<Result> {
    const a = this.#agent(userId);
    if (!a.ok) return a;
    a.value.statusSince = this.#stamp();
    this.engine.setStatus(a.value.user.id, status);
    return done;
  }

  async accept(userId: string, contactId: string): Promise<Result> {
    const s = this.#onContact(userId, contactId);
    if (!s.ok) return s;
    // The contact connects when the agent's phone answers; the panel's accept only confirms it.
    return s.value.leg?.state === 'INCOMING' ? done : fail('AGENT_NOT_ALLOWED', 'nothing is offered');
  }

  async reject(userId: string, contactId: string): Promise<Result> {
    const s = this.#onContact(userId, contactId);
    if (!s.ok) return s;
    if (s.value.leg?.state !== 'INCOMING') return fail('AGENT_NOT_ALLOWED', 'nothing is offered');
    s.value.withdraw();
    this.missed(s.value.leg?.target.userId ?? userId, contactId);
    return done;
  }

  async clearContact(userId: string, contactId: string): Promise<Result> {
    const s = this.#onContact(userId, contactId);
    if (!s.ok) return s;
    const r = this.engine.clearAcw(s.value.leg?.target.userId ?? userId);
    return r.ok ? done : fail('AGENT_NOT_ALLOWED', 'the contact is not in After Contact Work');
  }

  hold = (userId: string, participantId: string) => this.#control(userId, participantId, 'hold');
  resume = (userId: string, participantId: string) => this.#control(userId, participantId, 'resume');
  mute = (userId: string, participantId: string) => this.#control(userId, participantId, 'mute');
  unmute = (userId: string, participantId: string) => this.#control(userId, participantId, 'unmute');
  disconnect = (userId: string, participantId: string) => this.#control(userId, participantId, 'disconnect');

  async quickConnects(userId: string): Promise<Result<QuickConnectView[]>> {
    const a = this.#agent(userId);
    return a.ok ? { ok: true, value: this.#transfers.quickConnects(a.value.user) } : a;
  }
  async transfer(
    userId: string,
    target: { quickConnectId: string } | { phoneNumber: string },
  ): Promise<Result> {
    const a = this.#agent(userId);
    if (!a.ok) return a;
    // Dialling a number with no call up places an outbound call; on a call it adds a party.
    if ('phoneNumber' in target && !a.value.session) return this.#dialOutbound(a.value, target.phoneNumber);
    return this.#transfers.transfer(a.value.user, this.#callOf(a.value), target);
  }

  /**
   * An agent-dialled (OUTBOUND) contact in the routing profile's default outbound queue: offered to
   * the agent through their own queue (their phone rings first), then the customer is dialled with
   * the queue's caller ID, or at the outbound whisper flow's Call phone number block.
   */
  async #dialOutbound(a: Agent, number: string): Promise<Result> {
    if (!/^\+?[0-9]{3,20}$/.test(number)) return fail('AGENT_NOT_ALLOWED', `not a phone number: ${number}`);
    const view = this.engine.agent(a.user.id);
    if (view?.status !== 'Available' || view.activity !== 'idle')
      return fail('AGENT_NOT_ALLOWED', 'dial out when Available and free');
    const instance = this.#instance();
    const ref = a.user.defaultOutboundQueue;
    const queue = ref ? instance.queue(ref.ARN) : undefined;
    const own = instance.agentQueue(a.user.id);
    if (!queue || !own)
      return fail('AGENT_NOT_ALLOWED', 'your routing profile has no default outbound queue');
    const whisperRef = instance.entry('queue', queue.arn)?.outboundWhisperFlow;
    const whisper = typeof whisperRef === 'string' ? instance.flow(whisperRef) : undefined;
    const callerId = queue.outboundCallerId?.Address;
    const to = number.startsWith('+') ? number : `+${number}`;
    const contactId = randomUUID();
    const leg = new PendingLeg(this.lines, to, {
      endpoint: this.#options.pstnEndpoint ?? DEFAULT_PSTN_ENDPOINT,
      ringSeconds: this.#options.customerRingSeconds ?? 30,
      tag: contactId,
      from: callerId ?? '',
    });
    const session = new ContactSession(this, contactId, leg, { outbound: { leg, callerId, whisper } });
    const now = this.#options.clock.now();
    session.contact = createContact({
      ContactId: contactId,
      InstanceARN: instance.arn,
      AwsRegion: instance.info.region,
      InitiationMethod: 'OUTBOUND',
      CustomerEndpoint: { Address: to, Type: 'TELEPHONE_NUMBER' },
      ...(callerId ? { SystemEndpoint: { Address: callerId, Type: 'TELEPHONE_NUMBER' } } : {}),
      targetQueue: { id: queue.id, arn: queue.arn, name: queue.name },
    });
    session.queue = { arn: queue.arn, name: queue.name, enqueuedAt: now };
    this.#sessions.set(contactId, session);
    void this.#recordOutbound(session, now);
    this.engine.enqueue({ contactId, queueArn: own.arn, priority: 1 });
    return done;
  }

  async #recordOutbound(session: ContactSession, initiatedAt: number): Promise<void> {
    const details = await session.recordDetails();
    const contact = session.contact;
    const records = this.#options.records;
    if (!contact || !records) return;
    const end = session.call.ended;
    const leg = session.leg;
    const customerAnswered = session.outbound?.leg.placed ?? false;
    records.write(
      buildContactRecord(
        {
          contactId: contact.ContactId,
          initialContactId: contact.InitialContactId,
          instanceArn: contact.InstanceARN ?? this.#instance().arn,
          initiationMethod: 'OUTBOUND',
          initiatedAt,
          disconnectedAt: leg?.state === 'ENDED' ? leg.since : this.#options.clock.now(),
          disconnectReason: !customerAnswered
            ? 'CUSTOMER_CONNECTION_NOT_ESTABLISHED'
            : end?.by === 'caller'
              ? 'CUSTOMER_DISCONNECT'
              : 'AGENT_DISCONNECT',
          customerEndpoint: contact.CustomerEndpoint ?? null,
          systemEndpoint: contact.SystemEndpoint ?? null,
          attributes: contact.Attributes,
          ...details,
        },
        () => this.#options.clock.now(),
      ),
    );
    await records.flush();
  }
  conference = (userId: string) => this.#warm(userId, (c, id) => c.join(id));
  swap = (userId: string) => this.#warm(userId, (c, id) => c.swap(id));
  holdAll = (userId: string) => this.#warm(userId, (c, id) => c.holdAll(id));

  async #warm(userId: string, op: (c: Conference, userId: string) => Promise<Result>): Promise<Result> {
    const a = this.#agent(userId);
    if (!a.ok) return a;
    const conference = this.#callOf(a.value)?.conference;
    return conference ? op(conference, a.value.user.id) : fail('AGENT_NOT_ALLOWED', 'not on a call');
  }

  /** The queued call the agent is on; callbacks have no transfers yet. */
  #callOf(a: Agent): ContactSession | undefined {
    return a.session instanceof ContactSession ? a.session : undefined;
  }

  snapshot(userId: string): AgentSnapshot | undefined {
    const a = this.#agents.get(this.#instance().entry('user', userId)?.id ?? userId);
    return a && this.#snapshot(a);
  }

  contactDetails(userId: string, contactId: string): ContactDetails | undefined {
    const s = this.#onContact(userId, contactId);
    if (!s.ok) return undefined;
    const session = s.value;
    const leg = session.leg;
    const contact = session.contact;
    const user = this.#agent(userId);
    const me = user.ok ? user.value.user : undefined;
    const base = {
      contactId,
      customerEndpoint: contact?.CustomerEndpoint?.Address ?? null,
      attributes: { ...contact?.Attributes },
    };
    const conference = session instanceof ContactSession ? session.conference : undefined;
    if (conference && leg?.state !== 'ENDED')
      return {
        ...base,
        participants: conference.parties().map((p) => ({
          participantId: p.id,
          role: p.role,
          name: p.name,
          state: p.state,
          muted: p.muted,
          self: p.role === 'AGENT' && p.userId === me?.id,
        })),
      };
    // Not (or no longer) in a call of parties: the customer and the agent, as the leg stands.
    const agent =
      leg && me && leg.state !== 'ENDED'
        ? [
            {
              participantId: `${contactId}-${me.id}`,
              role: 'AGENT' as const,
              name: [me.firstName, me.lastName].filter(Boolean).join(' ') || me.username,
              state:
                leg.state === 'CONNECTED' || leg.state === 'CONNECTED_ONHOLD'
                  ? ('CONNECTED' as const)
                  : ('CONNECTING' as const),
              muted: leg.muted,
              self: true,
            },
          ]
        : [];
    return {
      ...base,
      participants: leg
        ? [
            {
              participantId: `${contactId}-customer`,
              role: 'CUSTOMER',
              name: contact?.CustomerEndpoint?.Address ?? session.call?.from ?? '',
              state:
                leg.state === 'CONNECTED_ONHOLD'
                  ? 'ON_HOLD'
                  : leg.state === 'ENDED'
                    ? 'DISCONNECTED'
                    : leg.state === 'CONNECTED'
                      ? 'CONNECTED'
                      : 'CONNECTING',
              muted: leg.customerMuted,
              self: false,
            },
            ...agent,
          ]
        : [],
    };
  }

  customStatuses(): readonly string[] {
    return [];
  }

  onAgentEvent(listener: (event: AgentEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  onParticipantsChange(listener: (userId: string) => void): () => void {
    this.#partyListeners.add(listener);
    return () => this.#partyListeners.delete(listener);
  }

  close(): void {
    this.engine.close();
    for (const s of this.#sessions.values()) if (s instanceof CallbackSession) s.cancel();
    for (const a of this.#agents.values())
      if (a.heartbeat !== undefined) this.#options.clock.clearTimeout(a.heartbeat);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  async #control(userId: string, participantId: string, op: Control): Promise<Result> {
    const a = this.#agent(userId);
    if (!a.ok) return a;
    const session = a.value.session;
    const conference = session instanceof ContactSession ? session.conference : undefined;
    if (conference) {
      const id = a.value.user.id;
      if (op === 'mute' || op === 'unmute') return conference.mute(id, participantId, op === 'mute');
      return conference[op](id, participantId);
    }
    const leg = session?.leg;
    if (!session?.call || !leg?.call || (leg.state !== 'CONNECTED' && leg.state !== 'CONNECTED_ONHOLD'))
      return fail('AGENT_NOT_ALLOWED', 'not on a call');
    const self = participantId === `${session.contactId}-${a.value.user.id}`;
    if (participantId !== `${session.contactId}-customer` && !self)
      return fail('AGENT_NOT_FOUND', `no participant ${participantId}`);
    const call = self ? leg.call : session.call;
    if (op === 'disconnect') await call.hangup();
    else if (op === 'mute' || op === 'unmute') {
      await this.lines.mute(call.channelId, op === 'mute');
      if (self) leg.muted = op === 'mute';
      else leg.customerMuted = op === 'mute';
    } else if (self) return notYet('holding the agent');
    else if (session instanceof CallbackSession) {
      await session.setConversationMembership(op === 'resume');
      leg.state = op === 'hold' ? 'CONNECTED_ONHOLD' : 'CONNECTED';
      this.changed(a.value.user.id);
    }
    return done;
  }

  #onContact(userId: string, contactId: string): Result<RoutedSession> {
    const a = this.#agent(userId);
    if (!a.ok) return a;
    const session = a.value.session;
    if (session?.contactId !== contactId) return fail('AGENT_NOT_FOUND', `no contact ${contactId}`);
    return { ok: true, value: session };
  }

  #agent(userId: string): Result<Agent> {
    const id = this.#options.instance()?.entry('user', userId)?.id ?? userId;
    const a = this.#agents.get(id);
    return a ? { ok: true, value: a } : fail('AGENT_NOT_LOGGED_IN', 'log in first');
  }

  #instance(): Instance {
    const instance = this.#options.instance();
    if (!instance) throw new Error('the instance of this contact center is gone');
    return instance;
  }

  #stamp(): string {
    return new Date(this.#options.clock.now()).toISOString();
  }

  #snapshot(a: Agent): AgentSnapshot {
    const view = this.engine.agent(a.user.id);
    const contacts: AgentContact[] = [];
    const s = a.session;
    if (s?.leg && s.leg.target.userId === a.user.id) {
      const acw = view?.activity === 'acw';
      contacts.push({
        Channel: 'VOICE',
        ConnectedToAgentTimestamp:
          s.leg.connectedAt !== undefined ? recordTimestamp(s.leg.connectedAt) : null,
        ContactId: s.contactId,
        InitialContactId: s.contact?.InitialContactId ?? null,
        InitiationMethod:
          s instanceof CallbackSession ? 'CALLBACK' : agentMethod(s.contact?.InitiationMethod),
        Queue: s.queue ? { ARN: s.queue.arn, Name: s.queue.name } : null,
        QueueTimestamp: s.queue ? recordTimestamp(s.queue.enqueuedAt) : null,
        State: acw ? 'ENDED' : s.leg.state,
        StateStartTimestamp: new Date(s.leg.since).toISOString(),
      });
    }
    return snapshotOf(this.#instance().arn, a.user, view?.status ?? 'Offline', a.statusSince, contacts);
  }

  #emit(a: Agent, type: AgentEvent['EventType'], current?: AgentSnapshot | null): void {
    const previous = a.last;
    const now = type === 'LOGOUT' ? null : (current ?? this.#snapshot(a));
    if (type === 'STATE_CHANGE' && JSON.stringify(previous) === JSON.stringify(now)) return;
    a.last = now;
    const instance = this.#instance();
    const event: AgentEvent = {
      AgentARN: a.user.arn,
      AWSAccountId: instance.info.account,
      CurrentAgentSnapshot: now,
      EventId: randomUUID(),
      EventTimestamp: this.#stamp(),
      EventType: type,
      InstanceARN: instance.arn,
      PreviousAgentSnapshot: type === 'LOGIN' ? null : previous,
      Version: '2019-05-25',
    };
    for (const listener of this.#listeners) listener(event);
  }
}

type Control = 'hold' | 'resume' | 'mute' | 'unmute' | 'disconnect';

const AGENT_METHODS = ['INBOUND', 'OUTBOUND', 'TRANSFER', 'QUEUE_TRANSFER', 'CALLBACK', 'API'] as const;
/** The contact's initiation method as the agent event stream spells it. */
const agentMethod = (method: string | undefined): AgentContact['InitiationMethod'] =>
  AGENT_METHODS.find((m) => m === method) ?? 'INBOUND';

const notYet = (what: string): Result<never> =>
  fail('CENTER_NOT_SUPPORTED', `Parley's contact center does not do ${what} yet`);
