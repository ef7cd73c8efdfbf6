import { randomUUID } from 'node:crypto';
import type { Contact, InitiationMethod, TargetQueue } from '@parley/flow';
import type { Instance } from '../contact/instance.js';
import { runContact } from '../contact/runner.js';
import type { ContactRecordSink } from '../logs/contact-record.js';
import type { ResourceEntry } from '../resources/index.js';
import type { CallPort } from '../telephony/port.js';
import type { AgentUser } from './agents.js';
import type { FlowDeps } from './flows.js';
import type { AgentLines } from './lines.js';
import type { ContactSession } from './session.js';
import type { QuickConnectView, Result } from './types.js';

/** What transfers need of their contact center. */
export interface TransferHost {
  instance(): Instance;
  deps(): FlowDeps;
  lines: AgentLines;
  /** Where a transferred contact's new segment writes its contact record. */
  records: ContactRecordSink | undefined;
  /** Endpoint of an outside number, `{number}` its E.164 form; undefined: no trunk to dial out on. */
  pstnEndpoint: string | undefined;
  /** A session for a new segment of the customer's call, routed like any queued contact. */
  newSession(call: CallPort, contactId: string): ContactSession;
  changed(userId: string): void;
}

/** Who the agent talks to while a third party is on the call. */
type Talking = 'third' | 'customer' | 'both' | 'none';

interface Consult {
  third: CallPort;
  talking: Talking;
}

const fail = (code: string, message: string): Result<never> => ({ ok: false, code, message });
const done: Result = { ok: true, value: undefined };
const QC_TYPES = ['USER', 'QUEUE', 'PHONE_NUMBER'] as const;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Quick connects, transfers and warm-transfer controls (seeds 003, 004). Queue and agent quick
 * connects hand the customer to a new contact segment whose transfer flow queues it; the agent
 * leaves into After Contact Work. External quick connects and dialled numbers add a third party as
 * a consult: the customer on hold, the agent talking to the third party, then Join, Swap, Hold all,
 * or Leave (the customer and the third party stay connected).
 */
export class Transfers {
  readonly #consults = new WeakMap<ContactSession, Consult>();

  constructor(private readonly host: TransferHost) {}

  /** Connect attaches quick connects to queues: an agent sees those of their profile's queues. */
  quickConnects(user: AgentUser): QuickConnectView[] {
    const instance = this.host.instance();
    const seen = new Map<string, QuickConnectView>();
    for (const q of user.profile.queues) {
      const queue = instance.entry('queue', q.queueArn);
      const refs = Array.isArray(queue?.quickConnects) ? (queue.quickConnects as unknown[]) : [];
      for (const ref of refs) {
        const qc = typeof ref === 'string' ? instance.entry('quickConnect', ref) : undefined;
        const type = QC_TYPES.find((t) => t === qc?.type);
        if (qc && type && !seen.has(qc.id)) seen.set(qc.id, { id: qc.id, name: qc.name, type });
      }
    }
    return [...seen.values()];
  }

  async transfer(
    user: AgentUser,
    session: ContactSession | undefined,
    target: { quickConnectId: string } | { phoneNumber: string },
  ): Promise<Result> {
    const leg = session?.leg;
    if (!session || (leg?.state !== 'CONNECTED' && leg?.state !== 'CONNECTED_ONHOLD') || !leg.call)
      return fail('AGENT_NOT_ALLOWED', 'not on a call');
    if (this.#consults.has(session)) return fail('AGENT_NOT_ALLOWED', 'a third party is already on the call');
    if ('phoneNumber' in target) return this.#consult(user, session, target.phoneNumber);
    const qc = this.quickConnects(user).find((q) => q.id === target.quickConnectId);
    const entry = qc && this.host.instance().entry('quickConnect', qc.id);
    if (!qc || !entry)
      return fail('AGENT_NOT_FOUND', `no quick connect ${target.quickConnectId} in your queues`);
    if (qc.type === 'PHONE_NUMBER') return this.#consult(user, session, str(entry.phoneNumber) ?? '');
    return this.#handOver(session, entry, qc.type === 'QUEUE' ? 'QUEUE_TRANSFER' : 'TRANSFER');
  }

  /** Join: the agent, the customer and the third party all hear each other. */
  async conference(session: ContactSession | undefined): Promise<Result> {
    const c = session && this.#consults.get(session);
    if (!session || !c) return fail('AGENT_NOT_ALLOWED', 'no third party to join');
    await this.#talkTo(session, c, 'both');
    return done;
  }

  /** Holds the party the agent talks to and talks to the other one. */
  async swap(session: ContactSession | undefined): Promise<Result> {
    const c = session && this.#consults.get(session);
    if (!session || !c) return fail('AGENT_NOT_ALLOWED', 'no third party to swap with');
    if (c.talking === 'both') return fail('AGENT_NOT_ALLOWED', 'everyone is joined: hold a party instead');
    await this.#talkTo(session, c, c.talking === 'third' ? 'customer' : 'third');
    return done;
  }

  async holdAll(session: ContactSession | undefined): Promise<Result> {
    const c = session && this.#consults.get(session);
    if (!session || !c) return fail('AGENT_NOT_ALLOWED', 'no third party on the call');
    await this.#talkTo(session, c, 'none');
    return done;
  }

  /** The third party of the agent's call, for the panel's participants. */
  thirdParty(session: ContactSession | undefined): { call: CallPort; held: boolean } | undefined {
    const c = session && this.#consults.get(session);
    return c && { call: c.third, held: c.talking === 'customer' || c.talking === 'none' };
  }

  /**
   * Queue and agent quick connects: the customer is held while the quick connect's transfer flow
   * runs as a new segment of the contact, which TransferContactToQueue (or ToAgent) queues; the
   * agent's leg ends, and with it their part of the contact.
   */
  async #handOver(session: ContactSession, qc: ResourceEntry, method: InitiationMethod): Promise<Result> {
    const instance = this.host.instance();
    const contact = session.contact;
    const flow = str(qc.flow) && instance.flow(str(qc.flow) as string);
    const queue = targetQueue(instance, qc);
    if (!contact || !flow || !queue)
      return fail('AGENT_NOT_FOUND', `quick connect ${qc.name}: its flow or destination is gone`);
    await session.setConversationMembership(false);
    const contactId = randomUUID();
    const segment: Contact = {
      ...contact,
      ContactId: contactId,
      PreviousContactId: contact.ContactId,
      InitiationMethod: method,
      targetQueue: queue,
      FlowAttributes: {},
    };
    const next = this.host.newSession(session.call, contactId);
    // This agent's leg ends without taking the customer with it: the new segment has them.
    session.onAgentLeave = async () => {
      await session.conversation?.destroy();
    };
    await session.leg?.call?.hangup();
    const deps = this.host.deps();
    const run = runContact({
      contact: segment,
      flow,
      ports: instance.ports({
        call: session.call,
        clock: deps.clock,
        voice: deps.voice,
        lambda: deps.lambda,
        routing: next.routing,
        transcript: () => {},
      }),
      executors: deps.executors,
      log: deps.log,
      ...(this.host.records ? { records: this.host.records } : {}),
      instanceArn: instance.arn,
      answer: false,
      recordDetails: () => next.recordDetails(),
    });
    next.follow(run);
    return done;
  }

  /** External quick connects and dialled numbers: the customer held, the third party rung. */
  async #consult(user: AgentUser, session: ContactSession, number: string): Promise<Result> {
    const template = this.host.pstnEndpoint;
    if (!template) return fail('CENTER_NOT_SUPPORTED', 'no outbound trunk is configured for outside numbers');
    if (!/^\+?[0-9]{3,20}$/.test(number)) return fail('AGENT_NOT_ALLOWED', `not a phone number: ${number}`);
    const leg = session.leg;
    await session.setConversationMembership(false);
    if (leg) leg.state = 'CONNECTED_ONHOLD';
    this.host.changed(user.id);
    const dialled = await this.host.lines.dial(template.replaceAll('{number}', number), {
      timeoutSeconds: 30,
      tag: session.contactId,
      ...(session.contact?.SystemEndpoint?.Address
        ? { callerId: `<${session.contact.SystemEndpoint.Address}>` }
        : {}),
    });
    if (!dialled.ok || !session.conversation || session.call.ended) {
      if (dialled.ok) await dialled.call.hangup();
      if (!session.call.ended) await session.setConversationMembership(true);
      if (leg && leg.state === 'CONNECTED_ONHOLD') leg.state = 'CONNECTED';
      this.host.changed(user.id);
      return fail('CENTER_DIAL_FAILED', `${number}: ${dialled.ok ? 'the call ended' : dialled.reason}`);
    }
    const third = dialled.call;
    const c: Consult = { third, talking: 'third' };
    this.#consults.set(session, c);
    await session.conversation.add(third.channelId);
    third.onEnd(() => {
      if (this.#consults.get(session) === c) this.#consults.delete(session);
      // Without the agent, the customer was talking only to the third party.
      if (session.leg?.state === 'ENDED' && !session.call.ended) void session.call.hangup().catch(() => {});
    });
    session.call.onEnd(() => void third.hangup().catch(() => {}));
    session.onAgentLeave = async () => {
      if (this.#consults.get(session) !== c || third.ended) {
        await session.conversation?.destroy();
        if (!session.call.ended) await session.call.hangup().catch(() => {});
        return;
      }
      // Leave: the customer and the third party stay connected to each other.
      await this.#talkTo(session, c, 'both');
    };
    return done;
  }

  async #talkTo(session: ContactSession, c: Consult, talking: Talking): Promise<void> {
    const conv = session.conversation;
    if (!conv) return;
    const was = c.talking;
    c.talking = talking;
    const thirdIn = (t: Talking) => t === 'third' || t === 'both';
    const customerIn = (t: Talking) => t === 'customer' || t === 'both';
    if (thirdIn(was) && !thirdIn(talking)) {
      await conv.remove(c.third.channelId);
      await c.third.startMusicOnHold().catch(() => {});
    } else if (!thirdIn(was) && thirdIn(talking)) {
      await c.third.stopMusicOnHold().catch(() => {});
      await conv.add(c.third.channelId);
    }
    if (customerIn(was) !== customerIn(talking)) await session.setConversationMembership(customerIn(talking));
    const leg = session.leg;
    if (leg && leg.state !== 'ENDED') {
      leg.state = customerIn(talking) ? 'CONNECTED' : 'CONNECTED_ONHOLD';
      this.host.changed(leg.target.userId);
    }
  }
}

/** Where a queue or agent quick connect sends the contact: `$.Queue` for its transfer flow. */
function targetQueue(instance: Instance, qc: ResourceEntry): TargetQueue | undefined {
  if (qc.type === 'QUEUE') {
    const q = str(qc.queue) && instance.queue(str(qc.queue) as string);
    if (!q) return undefined;
    return {
      id: q.id,
      arn: q.arn,
      name: q.name,
      ...(q.hoursOfOperationId ? { hoursOfOperationId: q.hoursOfOperationId } : {}),
    };
  }
  const user = str(qc.user) && instance.entry('user', str(qc.user) as string);
  return user ? instance.agentQueue(user.id) : undefined;
}
