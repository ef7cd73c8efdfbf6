import { randomUUID } from 'node:crypto';
import type { Contact, InitiationMethod, TargetQueue } from '@parley/flow';
import type { Instance } from '../contact/instance.js';
import { runContact } from '../contact/runner.js';
import type { ContactRecordSink } from '../logs/contact-record.js';
import type { ResourceEntry } from '../resources/index.js';
import type { CallPort } from '../telephony/port.js';
import type { AgentUser } from './agents.js';
import type { Conference } from './conference.js';
import type { FlowDeps } from './flows.js';
import type { AgentLines } from './lines.js';
import { SegmentLeg } from './segment-leg.js';
import type { Consult, ContactSession } from './session.js';
import type { QuickConnectView, Result } from './types.js';

/** What transfers need of their contact center. */
export interface TransferHost {
  instance(): Instance;
  deps(): FlowDeps;
  lines: AgentLines;
  /** Where a consult segment writes its contact record. */
  records: ContactRecordSink | undefined;
  /** Endpoint of an outside number, `{number}` its E.164 form; undefined: no trunk to dial out on. */
  pstnEndpoint: string | undefined;
  /** A session for a consult segment, routed like any queued contact. */
  newSession(call: CallPort, contactId: string, consult: Consult): ContactSession;
}

const fail = (code: string, message: string): Result<never> => ({ ok: false, code, message });
const done: Result = { ok: true, value: undefined };
const QC_TYPES = ['USER', 'QUEUE', 'PHONE_NUMBER'] as const;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Quick connects and dialled numbers add a party to the agent's call (seeds 000, 003, 004), the
 * others on hold meanwhile. Agent and queue quick connects start a consult segment: a new contact
 * (TRANSFER / QUEUE_TRANSFER, the call's contact as its previous one) whose transfer flow plays to
 * the agent who used it and queues it; the agent who takes it hears their whisper, the consulting
 * agent the customer whisper, and the two talk. External quick connects and numbers ring the
 * number, no flow involved. Then Join, Swap, Hold all or Leave (seed 004: the customer and the
 * new party stay connected) are the conference's.
 */
export class Transfers {
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
    const conference = session?.conference;
    if (!session || !conference || conference.over || !conference.agentParty(user.id)?.call)
      return fail('AGENT_NOT_ALLOWED', 'not on a call');
    if ('phoneNumber' in target)
      return this.#dial(user, session, conference, target.phoneNumber, target.phoneNumber);
    const qc = this.quickConnects(user).find((q) => q.id === target.quickConnectId);
    const entry = qc && this.host.instance().entry('quickConnect', qc.id);
    if (!qc || !entry)
      return fail('AGENT_NOT_FOUND', `no quick connect ${target.quickConnectId} in your queues`);
    if (qc.type === 'PHONE_NUMBER')
      return this.#dial(user, session, conference, str(entry.phoneNumber) ?? '', qc.name);
    return this.#consult(
      user,
      session,
      conference,
      entry,
      qc.type === 'QUEUE' ? 'QUEUE_TRANSFER' : 'TRANSFER',
    );
  }

  /**
   * Agent and queue quick connects: a new segment of the contact runs the quick connect's transfer
   * flow on the consulting agent's phone, which TransferContactToQueue (or ToAgent) queues. Its
   * DisconnectParticipant, an error, the agent cancelling or hanging up end the consult only.
   */
  async #consult(
    user: AgentUser,
    session: ContactSession,
    conference: Conference,
    qc: ResourceEntry,
    method: InitiationMethod,
  ): Promise<Result> {
    const instance = this.host.instance();
    const contact = session.contact;
    const flow = str(qc.flow) && instance.flow(str(qc.flow) as string);
    const queue = targetQueue(instance, qc);
    if (!contact || !flow || !queue)
      return fail('AGENT_NOT_FOUND', `quick connect ${qc.name}: its flow or destination is gone`);
    let leg: SegmentLeg | undefined;
    const begun = await conference.beginAdd(user.id, { role: 'AGENT', name: qc.name }, () => leg?.finish());
    if (!begun.ok) return begun;
    const party = begun.value;
    const agentCall = conference.agentParty(user.id)?.call;
    if (!agentCall) {
      await conference.addFailed(party);
      return fail('AGENT_NOT_ALLOWED', 'not on a call');
    }
    leg = new SegmentLeg(agentCall, () => void conference.addFailed(party));
    const contactId = randomUUID();
    const segment: Contact = {
      ...contact,
      ContactId: contactId,
      PreviousContactId: contact.ContactId,
      InitiationMethod: method,
      targetQueue: queue,
      FlowAttributes: {},
    };
    const next = this.host.newSession(leg, contactId, { conference, party, leg });
    const deps = this.host.deps();
    const run = runContact({
      contact: segment,
      flow,
      ports: instance.ports({
        call: leg,
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

  /**
   * External quick connects and dialled numbers: the number rings while the others are held; the
   * request answers at once, the party showing as connecting until it answers or fails.
   */
  async #dial(
    user: AgentUser,
    session: ContactSession,
    conference: Conference,
    number: string,
    name: string,
  ): Promise<Result> {
    const template = this.host.pstnEndpoint;
    if (!template) return fail('CENTER_NOT_SUPPORTED', 'no outbound trunk is configured for outside numbers');
    if (!/^\+?[0-9]{3,20}$/.test(number)) return fail('AGENT_NOT_ALLOWED', `not a phone number: ${number}`);
    const stop = new AbortController();
    const begun = await conference.beginAdd(user.id, { role: 'THIRD_PARTY', name }, () => stop.abort());
    if (!begun.ok) return begun;
    const party = begun.value;
    const callerId = session.contact?.SystemEndpoint?.Address;
    void this.host.lines
      .dial(template.replaceAll('{number}', number), {
        timeoutSeconds: 30,
        tag: session.contactId,
        signal: stop.signal,
        ...(callerId ? { callerId: `<${callerId}>` } : {}),
      })
      .then((dialled) =>
        dialled.ok ? conference.answered(party, dialled.call) : conference.addFailed(party),
      )
      .catch(() => conference.addFailed(party));
    return done;
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
