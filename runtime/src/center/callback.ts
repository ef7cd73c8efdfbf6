import { randomUUID } from 'node:crypto';
import type { TimerHandle } from '@parley/ari';
import type { Contact } from '@parley/flow';
import type { CallbackRequest } from '../executors/types.js';
import { buildContactRecord, type ContactRecordSink, type DisconnectReason } from '../logs/contact-record.js';
import type { CallPort } from '../telephony/port.js';
import type { FlowDeps } from './flows.js';
import type { AgentLines, Conversation } from './lines.js';
import { type RingLoss, ringAgent, withdrawOffer } from './ring.js';
import type { AgentLeg, AgentTarget, LegState } from './session.js';

/** What a callback needs of its contact center: the part of `SessionHost` about agents. */
export interface CallbackHost {
  deps(): FlowDeps;
  lines: AgentLines;
  offerTimeoutSeconds: number;
  /** Puts the callback in line; false when its queue is gone meanwhile. */
  queueCallback(callback: CallbackSession): boolean;
  missed(userId: string, contactId: string, by?: RingLoss): void;
  accepted(userId: string, contactId: string): boolean;
  finished(userId: string): void;
  changed(userId: string): void;
  closed(session: { contactId: string }): void;
}

export interface CallbackOptions {
  /** The customer's side: `{number}` is the E.164 callback number. */
  pstnEndpoint: string;
  /** How long the customer's phone rings before the attempt counts as unanswered. */
  customerRingSeconds: number;
  records: ContactRecordSink | undefined;
}

/**
 * A callback contact (CreateCallbackContact): a new contact, initiated by CALLBACK with the
 * requesting contact as its previous one, queued after its initial delay. When an agent takes it
 * the agent's phone rings first, and only once they answered is the customer dialled (Connect: "the
 * agent is called first, then the customer"); the two are bridged. A customer who does not answer
 * is tried again after the retry delay while attempts remain, else the contact ends with
 * CUSTOMER_CONNECTION_NOT_ESTABLISHED.
 */
export class CallbackSession {
  readonly contactId = randomUUID();
  readonly initiationMethod = 'CALLBACK' as const;
  readonly contact: Contact;
  queue: { arn: string; name: string; enqueuedAt: number; dequeuedAt?: number } | undefined;
  leg: AgentLeg | undefined;
  /** The customer's leg, once they answered. */
  call: CallPort | undefined;
  attempts = 0;
  customerAttempts = 0;
  readonly #createdAt: number;
  #customerAnsweredAt: number | undefined;
  #timer: TimerHandle | undefined;
  #conversation: Conversation | undefined;
  #reason: DisconnectReason | undefined;
  #retry = false;
  #over = false;

  constructor(
    private readonly host: CallbackHost,
    readonly request: CallbackRequest & { queueName: string },
    requester: Contact,
    private readonly options: CallbackOptions,
  ) {
    this.#createdAt = host.deps().clock.now();
    this.contact = {
      ...requester,
      ContactId: this.contactId,
      PreviousContactId: requester.ContactId,
      InitialContactId: requester.InitialContactId,
      InitiationMethod: 'CALLBACK',
      CustomerEndpoint: { Address: request.number, Type: 'TELEPHONE_NUMBER' },
    };
  }

  /** Queues the callback once its delay has passed (the first time: InitialCallDelaySeconds). */
  schedule(delaySeconds: number): void {
    const clock = this.host.deps().clock;
    this.#timer = clock.setTimeout(() => {
      this.#timer = undefined;
      if (this.#over) return;
      this.queue = { arn: this.request.queueArn, name: this.request.queueName, enqueuedAt: clock.now() };
      if (!this.host.queueCallback(this)) this.#close('OTHER');
    }, delaySeconds * 1000);
  }

  /** The routing engine offers the callback to an agent: ring the agent, then the customer. */
  async offer(target: AgentTarget, now: number): Promise<void> {
    const callerId = `"Callback" <${this.request.number}>`;
    const rung = await ringAgent(this.host, this, { target, now, callerId, over: () => this.#over });
    if (!rung) return;
    const { leg } = rung;
    rung.call.onEnd(() => void this.#agentGone(leg, 'AGENT_DISCONNECT'));
    const clock = this.host.deps().clock;
    if (this.queue) this.queue.dequeuedAt = clock.now();
    this.#setState(leg, 'CONNECTING', clock.now());
    await this.#callCustomer(leg);
  }

  async #callCustomer(leg: AgentLeg): Promise<void> {
    const clock = this.host.deps().clock;
    this.customerAttempts++;
    const customer = await this.host.lines.dial(
      this.options.pstnEndpoint.replaceAll('{number}', this.request.number),
      { timeoutSeconds: this.options.customerRingSeconds, signal: leg.cancel.signal, tag: this.contactId },
    );
    if (!customer.ok) {
      // Unanswered: tried again later while attempts remain (MaximumConnectionAttempts).
      this.#retry = this.customerAttempts < Math.max(1, this.request.maxConnectionAttempts);
      return this.#agentGone(leg, 'CUSTOMER_CONNECTION_NOT_ESTABLISHED');
    }
    if (leg.state === 'ENDED') {
      await customer.call.hangup();
      return;
    }
    this.call = customer.call;
    this.#customerAnsweredAt = clock.now();
    customer.call.onEnd(() => void this.#agentGone(leg, 'CUSTOMER_DISCONNECT'));
    if (!leg.call || leg.call.ended) return this.#agentGone(leg, 'AGENT_DISCONNECT');
    this.#conversation = await this.host.lines.bridge([leg.call.channelId, customer.call.channelId]);
    leg.connectedAt = clock.now();
    this.#setState(leg, 'CONNECTED', clock.now());
  }

  /** The offer was withdrawn or timed out: stop ringing the agent. */
  withdraw(): void {
    withdrawOffer(this);
  }

  /** Either side hung up, or the customer never answered: both legs go, the agent to ACW. */
  async #agentGone(leg: AgentLeg, reason: DisconnectReason): Promise<void> {
    if (leg.state === 'ENDED') return;
    this.#reason = reason;
    leg.state = 'ENDED';
    leg.since = this.host.deps().clock.now();
    leg.cancel.abort();
    await this.#conversation?.destroy();
    this.#conversation = undefined;
    await leg.call?.hangup().catch(() => {});
    await this.call?.hangup().catch(() => {});
    this.host.finished(leg.target.userId);
  }

  /** The agent left After Contact Work: the record is written, or the callback queued again. */
  acwOver(at: number, hadAcw: boolean): void {
    const leg = this.leg;
    if (leg?.state !== 'ENDED') return;
    if (hadAcw) {
      leg.acwStartedAt ??= leg.since;
      leg.acwEndedAt = at;
    }
    if (!this.#retry) {
      this.#close(this.#reason ?? 'OTHER');
      return;
    }
    this.#retry = false;
    this.leg = undefined;
    this.schedule(this.request.retryDelaySeconds);
  }

  /** Hold takes the customer out of the bridge; the agent stays in it. */
  async setConversationMembership(inBridge: boolean): Promise<void> {
    const conv = this.#conversation;
    const call = this.call;
    if (!conv || !call) return;
    if (inBridge) await conv.add(call.channelId);
    else await conv.remove(call.channelId);
  }

  /** The contact center closes: a callback still waiting for its delay is dropped. */
  cancel(): void {
    const clock = this.host.deps().clock;
    if (this.#timer !== undefined) clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#over = true;
  }

  #setState(leg: AgentLeg, state: LegState, at: number): void {
    leg.state = state;
    leg.since = at;
    this.host.changed(leg.target.userId);
  }

  #close(reason: DisconnectReason): void {
    if (this.#over) return;
    this.#over = true;
    const deps = this.host.deps();
    const leg = this.leg;
    const now = deps.clock.now();
    const record = buildContactRecord(
      {
        contactId: this.contactId,
        initialContactId: this.contact.InitialContactId,
        previousContactId: this.contact.PreviousContactId as string,
        instanceArn: deps.instance.arn,
        initiationMethod: 'CALLBACK',
        initiatedAt: this.#createdAt,
        ...(this.#customerAnsweredAt !== undefined ? { connectedToSystemAt: this.#customerAnsweredAt } : {}),
        disconnectedAt: leg?.state === 'ENDED' ? leg.since : now,
        disconnectReason: reason,
        customerEndpoint: { Address: this.request.number, Type: 'TELEPHONE_NUMBER' },
        attributes: this.contact.Attributes,
        queue: this.queue ?? null,
        agentConnectionAttempts: this.attempts,
        agent:
          leg?.call && leg.state === 'ENDED'
            ? {
                arn: leg.target.arn,
                username: leg.target.username,
                connectedAt: leg.connectedAt ?? this.queue?.dequeuedAt ?? leg.since,
                ...(leg.acwStartedAt !== undefined ? { afterContactWorkStartedAt: leg.acwStartedAt } : {}),
                ...(leg.acwEndedAt !== undefined ? { afterContactWorkEndedAt: leg.acwEndedAt } : {}),
                interactionSeconds:
                  leg.connectedAt === undefined
                    ? 0
                    : Math.max(0, Math.floor((leg.since - leg.connectedAt) / 1000)),
                ...(leg.target.routingProfile ? { routingProfile: leg.target.routingProfile } : {}),
              }
            : null,
      },
      () => deps.clock.now(),
    );
    this.options.records?.write(record);
    void this.options.records?.flush();
    this.host.closed(this);
  }
}
