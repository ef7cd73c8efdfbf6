import type { Contact } from '@parley/flow';
import type { ContactRun, RecordDetails } from '../contact/runner.js';
import type { CallAttachment } from '../contact/serve.js';
import type { FlowTarget, RoutingPort } from '../executors/types.js';
import type { CallPort } from '../telephony/port.js';
import { Conference, type ConferenceHost, type Party } from './conference.js';
import { defaultAgentWhisper, type FlowDeps, hookFlow, loopSideFlow, runSideFlow } from './flows.js';
import type { AgentLines } from './lines.js';
import type { PendingLeg } from './pending-leg.js';
import { type RingLoss, ringAgent, withdrawOffer } from './ring.js';
import type { SegmentLeg } from './segment-leg.js';

/** What the session needs of its contact center. */
export interface SessionHost {
  deps(): FlowDeps;
  lines: AgentLines;
  offerTimeoutSeconds: number;
  /** Puts the contact in line (capacity checked); the session is told of offers through `offer`. */
  enqueue(session: ContactSession, contact: Contact, queueArn: string): ReturnType<RoutingPort['enqueue']>;
  metrics: NonNullable<RoutingPort['metrics']>;
  createCallback: NonNullable<RoutingPort['createCallback']>;
  dequeue(contactId: string): void;
  /**
   * The offer's ring ended unanswered: by the agent (it went unanswered or their phone refused) it
   * counts as Missed; lost by the PBX (a restart) it does not. The contact is offered again.
   */
  missed(userId: string, contactId: string, by?: RingLoss): void;
  /** The agent answered: true when the routing engine still has the offer open for them. */
  accepted(userId: string, contactId: string): boolean;
  /** The agent's conversation is over: After Contact Work. */
  finished(userId: string): void;
  changed(userId: string): void;
  closed(session: { contactId: string }): void;
  /** The conference a connected contact's parties join: hold flows and agents' events. */
  conferenceHost(session: ContactSession): ConferenceHost;
}

/** An agent-dialled contact: the agent's phone first, then the customer, dialled by `leg`. */
export interface Outbound {
  leg: PendingLeg;
  /** The outbound queue's caller ID, unless the whisper flow's Call phone number sets one. */
  callerId: string | undefined;
  /** The outbound queue's outbound whisper flow. */
  whisper: FlowTarget | undefined;
}

/** A consult segment (agent or queue quick connect): its agent joins an existing call. */
export interface Consult {
  conference: Conference;
  /** The party the conference holds a place for while the transfer flow and queue reach an agent. */
  party: Party;
  /** The agent who used the quick connect, as this segment's "customer". */
  leg: SegmentLeg;
}

export interface AgentTarget {
  userId: string;
  arn: string;
  username: string;
  /** What the other parties see: first and last name, else the username. */
  displayName: string;
  endpoint: string;
  routingProfile: { arn: string; name: string } | undefined;
}

/** What the agent's side of the contact is doing, as the agent event stream's contact State. */
export type LegState = 'INCOMING' | 'CONNECTING' | 'CONNECTED' | 'CONNECTED_ONHOLD' | 'ENDED';

export interface AgentLeg {
  target: AgentTarget;
  state: LegState;
  since: number;
  call: CallPort | undefined;
  muted: boolean;
  customerMuted: boolean;
  cancel: AbortController;
  connectedAt?: number;
  acwStartedAt?: number;
  acwEndedAt?: number;
}

/**
 * One queued contact from TransferContactToQueue to the end of its agent's After Contact Work: the
 * customer queue flow while it waits, the agent's phone rung on each offer, both whispers, the
 * bridge, and what the contact record says of it all.
 */
export class ContactSession implements CallAttachment {
  readonly routing: RoutingPort;
  contact: Contact | undefined;
  queue: { arn: string; name: string; enqueuedAt: number; dequeuedAt?: number } | undefined;
  leg: AgentLeg | undefined;
  attempts = 0;
  readonly consult: Consult | undefined;
  readonly outbound: Outbound | undefined;
  /** The call the agent joined: the customer's conference, once connected. */
  conference: Conference | undefined;
  #handedOver = false;
  #queueFlow: AbortController | undefined;
  #done!: (details: RecordDetails | undefined) => void;
  readonly #details: Promise<RecordDetails | undefined>;
  #over = false;
  #agentHungUp = false;

  constructor(
    private readonly host: SessionHost,
    readonly contactId: string,
    readonly call: CallPort,
    kind: {
      /** A consult segment: `call` is the consulting agent's leg. */
      consult?: Consult;
      /** An agent-dialled contact: `call` is the customer, dialled once the agent answered. */
      outbound?: Outbound;
    } = {},
  ) {
    this.consult = kind.consult;
    this.outbound = kind.outbound;
    const outbound = kind.outbound;
    this.#details = new Promise((resolve) => {
      this.#done = resolve;
    });
    this.routing = {
      enqueue: async (contact, queueArn) => {
        const queued = await host.enqueue(this, contact, queueArn);
        if (queued.ok) this.contact = contact;
        return queued;
      },
      metrics: host.metrics,
      createCallback: host.createCallback,
      ...(outbound
        ? { completeOutboundCall: (callerId) => outbound.leg.dial(callerId ?? outbound.callerId) }
        : {}),
    };
    call.onEnd(() => this.#customerGone());
  }

  get inQueue(): boolean {
    return this.queue !== undefined && this.leg?.connectedAt === undefined;
  }

  follow(run: ContactRun): void {
    void run.done.then((result) => {
      if (result.end.kind === 'queued' && !this.call.ended) {
        this.contact = result.contact;
        this.#handedOver = true;
        void this.#queueLoop();
      } else {
        // A transfer flow that ends without queueing ends the consult (its agent stays on the call).
        if (this.consult && !this.call.ended) void this.call.hangup();
        this.#close();
      }
    });
  }

  recordDetails(): Promise<RecordDetails | undefined> {
    if (!this.queue) return Promise.resolve(undefined);
    return this.#details;
  }

  /** The routing engine offers the contact to an agent: ring their phone. */
  async offer(target: AgentTarget, now: number): Promise<void> {
    const callerId = `"${this.call.from}" <${this.call.from}>`;
    const rung = await ringAgent(this.host, this, { target, now, callerId, over: () => this.#over });
    if (rung) await this.#connect(rung.leg, rung.call);
  }

  /** The offer was withdrawn or timed out: stop ringing. */
  withdraw(): void {
    withdrawOffer(this);
  }

  async #connect(leg: AgentLeg, agentCall: CallPort): Promise<void> {
    const deps = this.host.deps();
    const now = () => deps.clock.now();
    this.#setState(leg, 'CONNECTING', now());
    agentCall.onEnd(() => void this.#agentGone(leg));
    if (this.outbound) return this.#connectOutbound(leg, agentCall, this.outbound);
    this.#queueFlow?.abort();
    this.#queueFlow = undefined;
    if (this.queue) this.queue.dequeuedAt = now();
    await this.call.stopMusicOnHold().catch(() => {});
    const contact = this.contact;
    if (contact) {
      // Agent whisper, then customer whisper, each played to completion; then the two are joined.
      const agentWhisper =
        hookFlow(deps.instance, contact, 'AgentWhisper') ?? defaultAgentWhisper(deps.instance);
      if (agentWhisper && !agentCall.ended && !this.call.ended)
        await runSideFlow(deps, { call: agentCall, contact, flow: agentWhisper, routing: this.routing });
      const customerWhisper = hookFlow(deps.instance, contact, 'CustomerWhisper');
      if (customerWhisper && !agentCall.ended && !this.call.ended)
        await runSideFlow(deps, { call: this.call, contact, flow: customerWhisper, routing: this.routing });
    }
    if (agentCall.ended || this.call.ended) return this.#agentGone(leg);
    leg.connectedAt = now();
    const agent = { call: agentCall, name: leg.target.displayName, userId: leg.target.userId, leg };
    const consult = this.consult;
    if (consult) {
      consult.leg.detach();
      this.conference = consult.conference;
      await consult.conference.answered(consult.party, agentCall, agent);
    } else {
      const name = contact?.CustomerEndpoint?.Address ?? this.call.from;
      this.conference = await Conference.start(
        this.host.conferenceHost(this),
        this.contactId,
        { call: this.call, name },
        agent,
      );
    }
    // Connected once the conference has them, so that whatever the agent does next finds it.
    if (leg.state === 'CONNECTING') this.#setState(leg, 'CONNECTED', now());
  }

  /**
   * The agent answered their outbound call: the outbound whisper flow runs for the customer, placing
   * the call at its Call phone number block (with that block's caller ID); without the block the
   * call is placed first and the flow plays to the customer once they answer. Then the two talk.
   */
  async #connectOutbound(leg: AgentLeg, agentCall: CallPort, plan: Outbound): Promise<void> {
    const deps = this.host.deps();
    const contact = this.contact;
    if (this.queue) this.queue.dequeuedAt = deps.clock.now();
    const places = plan.whisper?.model.actions.some((a) => a.type === 'CompleteOutboundCall') ?? false;
    if (!places) await plan.leg.dial(plan.callerId);
    if (plan.whisper && contact && (places || plan.leg.placed) && !agentCall.ended && !this.call.ended)
      await runSideFlow(deps, { call: this.call, contact, flow: plan.whisper, routing: this.routing });
    if (!plan.leg.placed && !this.call.ended) await plan.leg.dial(plan.callerId);
    if (agentCall.ended || this.call.ended || !plan.leg.placed) return this.#agentGone(leg);
    leg.connectedAt = deps.clock.now();
    this.conference = await Conference.start(
      this.host.conferenceHost(this),
      this.contactId,
      { call: this.call, name: plan.leg.to },
      { call: agentCall, name: leg.target.displayName, userId: leg.target.userId, leg },
    );
    if (leg.state === 'CONNECTING') this.#setState(leg, 'CONNECTED', deps.clock.now());
  }

  /** The agent's leg is over (they hung up, or the customer did and theirs followed): ACW. */
  async #agentGone(leg: AgentLeg): Promise<void> {
    if (leg.state === 'ENDED') return;
    if (leg.call?.ended?.by === 'caller' && !this.call.ended) this.#agentHungUp = true;
    const deps = this.host.deps();
    leg.state = 'ENDED';
    leg.since = deps.clock.now();
    await leg.call?.hangup().catch(() => {});
    // In a conference the call's rules decide who stays; else (gone before being bridged) the
    // customer goes when the agent does, and a consult is over.
    if (this.consult) this.consult.leg.finish();
    else if (!this.conference && !this.call.ended) await this.call.hangup().catch(() => {});
    this.host.finished(leg.target.userId);
  }

  /** The engine moved the agent out of After Contact Work: the record can be written. */
  acwOver(at: number, hadAcw: boolean): void {
    const leg = this.leg;
    if (leg?.state !== 'ENDED') return;
    if (hadAcw) {
      leg.acwStartedAt ??= leg.since;
      leg.acwEndedAt = at;
    }
    this.#close();
  }

  async #queueLoop(): Promise<void> {
    const deps = this.host.deps();
    const stop = new AbortController();
    this.#queueFlow = stop;
    // Connect's "Default customer queue" (no queue flow) is music until an agent takes the call.
    await loopSideFlow(deps, {
      call: this.call,
      contact: () => this.contact as Contact,
      flow: (contact) => hookFlow(deps.instance, contact, 'CustomerQueue'),
      routing: this.routing,
      signal: stop.signal,
      // The queue flow may set attributes (and dequeue to another queue) for the contact.
      onResult: (contact) => {
        this.contact = contact;
      },
      more: () => !this.#over && this.inQueue && !this.leg?.call,
    });
    if (this.#queueFlow === stop) this.#queueFlow = undefined;
  }

  #customerGone(): void {
    // A conference's own rules decide what the customer (or a consult's agent) leaving ends.
    if (this.conference) return;
    if (this.consult) void this.consult.conference.addFailed(this.consult.party);
    const leg = this.leg;
    this.#queueFlow?.abort();
    if (leg && leg.state !== 'ENDED' && leg.call) void this.#agentGone(leg);
    else {
      this.withdraw();
      this.host.dequeue(this.contactId);
      // No leg left once a ring is withdrawn; an ended one closes the contact when its ACW is over.
      if (!this.#handedOver || !this.leg) this.#close();
    }
  }

  #setState(leg: AgentLeg, state: LegState, at: number): void {
    leg.state = state;
    leg.since = at;
    this.host.changed(leg.target.userId);
  }

  #close(): void {
    if (this.#over) return;
    this.#over = true;
    const leg = this.leg;
    this.#done({
      ...(this.queue ? { queue: this.queue } : {}),
      agentConnectionAttempts: this.attempts,
      ...(this.#agentHungUp ? { agentHungUp: true } : {}),
      agent:
        leg?.connectedAt !== undefined
          ? {
              arn: leg.target.arn,
              username: leg.target.username,
              connectedAt: leg.connectedAt,
              ...(leg.acwStartedAt !== undefined ? { afterContactWorkStartedAt: leg.acwStartedAt } : {}),
              ...(leg.acwEndedAt !== undefined ? { afterContactWorkEndedAt: leg.acwEndedAt } : {}),
              interactionSeconds: Math.max(0, Math.floor((leg.since - leg.connectedAt) / 1000)),
              ...(leg.target.routingProfile ? { routingProfile: leg.target.routingProfile } : {}),
            }
          : null,
    });
    this.host.closed(this);
  }
}
