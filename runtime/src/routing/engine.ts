import type { Clock, TimerHandle } from '@parley/ari';
import type {
  AgentActivity,
  AgentSpec,
  AgentStatus,
  AgentView,
  QueueCounts,
  QueuedContactSpec,
  RoutingEvent,
  RoutingProfile,
  WaitingContact,
} from './types.js';
import { WaitingLine } from './waiting.js';

/** Connect's default QueuePriority. */
export const DEFAULT_CONTACT_PRIORITY = 5;

export interface RoutingEngineOptions {
  clock: Clock;
  /** How long an offer rings before it counts as missed. */
  offerTimeoutMs?: number;
  /** Told of every offer, missed offer and agent change, in order. */
  onEvent?: (event: RoutingEvent) => void;
}

interface Agent {
  id: string;
  profile: RoutingProfile;
  acwMs: number;
  status: AgentStatus;
  activity: AgentActivity;
  contact: WaitingContact | undefined;
  availableSince: number | undefined;
  timer: TimerHandle | undefined;
}

type Refusal = { ok: false; error: 'NoSuchAgent' | 'NoSuchContact' | 'NotOffered' | 'NotOnContact' };

/**
 * Queues, routing profiles and agent states for one instance, as the Connect user guide describes
 * them: contacts wait first come first served within a queue (QueuePriority first, time adjustment
 * counted as waiting); an agent's routing profile decides which queue they take from (priority,
 * then the oldest contact, a queue's contacts only once they waited its delay); the agent idle the
 * longest gets the contact. No I/O: it tells `onEvent` what to ring and the caller says what
 * happened (accepted, rejected, ended). The invariant after every change: no idle Available agent
 * has a contact it could take.
 */
export class RoutingEngine {
  readonly #clock: Clock;
  readonly #offerTimeoutMs: number;
  readonly #emit: (event: RoutingEvent) => void;
  readonly #agents = new Map<string, Agent>();
  /** Agents that may be offered a contact, longest idle first (a Map keeps insertion order). */
  readonly #idle = new Map<string, Agent>();
  readonly #lines = new Map<string, WaitingLine>();
  readonly #waiting = new Map<string, WaitingContact>();
  #seq = 0;
  #wake: { at: number; timer: TimerHandle } | undefined;

  constructor(options: RoutingEngineOptions) {
    this.#clock = options.clock;
    this.#offerTimeoutMs = options.offerTimeoutMs ?? 20_000;
    this.#emit = options.onEvent ?? (() => {});
  }

  // ---- agents -------------------------------------------------------------------------------

  /** Adds or updates an agent (profile, ACW length); a new agent starts Offline. */
  upsertAgent(spec: AgentSpec): void {
    const acwMs = (spec.acwSeconds ?? 0) * 1000;
    const known = this.#agents.get(spec.id);
    if (known) {
      known.profile = spec.profile;
      known.acwMs = acwMs;
      this.#route();
      return;
    }
    this.#agents.set(spec.id, {
      id: spec.id,
      profile: spec.profile,
      acwMs,
      status: 'Offline',
      activity: 'idle',
      contact: undefined,
      availableSince: undefined,
      timer: undefined,
    });
  }

  agent(id: string): AgentView | undefined {
    const a = this.#agents.get(id);
    return a && view(a);
  }

  /**
   * The agent's chosen status. Setting any status clears Missed; on a contact or in ACW the status
   * takes effect once they finish (Connect's "next status"): it is kept and read then.
   */
  setStatus(agentId: string, status: AgentStatus): { ok: true } | Refusal {
    const a = this.#agents.get(agentId);
    if (!a) return { ok: false, error: 'NoSuchAgent' };
    a.status = status;
    if (a.activity === 'missed') a.activity = 'idle';
    this.#refreshIdle(a);
    this.#changed(a);
    if (this.#idle.has(a.id)) this.#offerTo(a);
    return { ok: true };
  }

  /** The agent answered the contact offered to them. */
  accept(agentId: string): { ok: true; contact: WaitingContact } | Refusal {
    const a = this.#agents.get(agentId);
    if (!a) return { ok: false, error: 'NoSuchAgent' };
    if (a.activity !== 'offered' || !a.contact) return { ok: false, error: 'NotOffered' };
    this.#clearTimer(a);
    a.activity = 'busy';
    this.#changed(a);
    return { ok: true, contact: a.contact };
  }

  /** The agent declined the offer: Missed, and the contact goes back to its place in line. */
  reject(agentId: string): { ok: true } | Refusal {
    const a = this.#agents.get(agentId);
    if (!a) return { ok: false, error: 'NoSuchAgent' };
    if (a.activity !== 'offered') return { ok: false, error: 'NotOffered' };
    this.#miss(a, 'rejected');
    return { ok: true };
  }

  /**
   * The offer failed through no fault of the agent (the PBX lost their ringing phone): idle again,
   * not Missed, and the contact goes back to its place in line.
   */
  offerLost(agentId: string): { ok: true } | Refusal {
    const a = this.#agents.get(agentId);
    if (!a) return { ok: false, error: 'NoSuchAgent' };
    if (a.activity !== 'offered') return { ok: false, error: 'NotOffered' };
    const c = a.contact;
    this.#clearTimer(a);
    a.contact = undefined;
    if (c) {
      this.#emit({ type: 'offer-withdrawn', agentId: a.id, contactId: c.contactId });
      // Back in line before the agent is free, so that it stays ahead of those who came after it.
      this.#putBack(c);
    }
    this.#becomeIdle(a);
    return { ok: true };
  }

  /** The agent's contact ended: After Contact Work for the agent's ACW time, then idle. */
  endContact(agentId: string): { ok: true } | Refusal {
    const a = this.#agents.get(agentId);
    if (!a) return { ok: false, error: 'NoSuchAgent' };
    if (a.activity !== 'busy') return { ok: false, error: 'NotOnContact' };
    a.contact = undefined;
    if (a.acwMs > 0) {
      a.activity = 'acw';
      a.timer = this.#clock.setTimeout(() => this.clearAcw(a.id), a.acwMs);
      this.#changed(a);
    } else this.#becomeIdle(a);
    return { ok: true };
  }

  /** Ends After Contact Work early (the agent cleared the contact), or when its time is up. */
  clearAcw(agentId: string): { ok: true } | Refusal {
    const a = this.#agents.get(agentId);
    if (!a) return { ok: false, error: 'NoSuchAgent' };
    if (a.activity !== 'acw') return { ok: false, error: 'NotOnContact' };
    this.#clearTimer(a);
    this.#becomeIdle(a);
    return { ok: true };
  }

  // ---- contacts -----------------------------------------------------------------------------

  /** Puts a contact in line and offers it at once if an agent can take it. */
  enqueue(spec: QueuedContactSpec): WaitingContact {
    this.dequeue(spec.contactId);
    const now = this.#clock.now();
    const contact: WaitingContact = {
      contactId: spec.contactId,
      queueArn: spec.queueArn,
      priority: spec.priority ?? DEFAULT_CONTACT_PRIORITY,
      enqueuedAt: now,
      since: now - (spec.timeAdjustmentSeconds ?? 0) * 1000,
      seq: this.#seq++,
      kind: spec.kind ?? 'voice',
    };
    this.#putBack(contact);
    return contact;
  }

  /**
   * Changes a waiting contact's priority or time adjustment (Set working queue's QueuePriority /
   * QueueTimeAdjustmentSeconds while it waits); its arrival time is kept.
   */
  adjust(contactId: string, change: { priority?: number; timeAdjustmentSeconds?: number }): boolean {
    const c = this.#waiting.get(contactId);
    if (!c) return false;
    this.#lines.get(c.queueArn)?.remove(c);
    if (change.priority !== undefined) c.priority = change.priority;
    if (change.timeAdjustmentSeconds !== undefined)
      c.since = c.enqueuedAt - change.timeAdjustmentSeconds * 1000;
    this.#putBack(c);
    return true;
  }

  /**
   * Takes a contact out of line (the caller hung up, the queue flow transferred it): waiting, or
   * being offered, in which case the agent is free again.
   */
  dequeue(contactId: string): boolean {
    const c = this.#waiting.get(contactId);
    if (c) {
      this.#waiting.delete(contactId);
      this.#lines.get(c.queueArn)?.remove(c);
      return true;
    }
    for (const a of this.#agents.values())
      if (a.activity === 'offered' && a.contact?.contactId === contactId) {
        this.#clearTimer(a);
        this.#emit({ type: 'offer-withdrawn', agentId: a.id, contactId });
        this.#becomeIdle(a);
        return true;
      }
    return false;
  }

  waiting(contactId: string): WaitingContact | undefined {
    return this.#waiting.get(contactId);
  }

  /** Real-time figures of a queue (CheckMetricData / GetMetricData); agents are those whose profile has it. */
  counts(queueArn: string): QueueCounts {
    const line = this.#lines.get(queueArn);
    const oldest = line?.oldest();
    const agents = {
      online: 0,
      available: 0,
      staffed: 0,
      afterContactWork: 0,
      busy: 0,
      missed: 0,
      nonProductive: 0,
    };
    for (const a of this.#agents.values()) {
      if (a.status === 'Offline' && a.activity === 'idle') continue;
      if (!a.profile.queues.some((q) => q.queueArn === queueArn)) continue;
      agents.online++;
      if (a.activity === 'offered' || a.activity === 'busy') agents.busy++;
      else if (a.activity === 'acw') agents.afterContactWork++;
      else if (a.activity === 'missed') agents.missed++;
      else if (a.status === 'Available') agents.available++;
      else agents.nonProductive++;
    }
    agents.staffed = agents.available + agents.busy + agents.afterContactWork;
    return {
      size: line?.size ?? 0,
      oldestContactAgeSeconds: oldest ? Math.floor((this.#clock.now() - oldest.since) / 1000) : null,
      agents,
    };
  }

  /** Cancels the engine's timers (offer timeouts, ACW, delays). */
  close(): void {
    for (const a of this.#agents.values()) this.#clearTimer(a);
    if (this.#wake) this.#clock.clearTimeout(this.#wake.timer);
    this.#wake = undefined;
  }

  // ---- routing ------------------------------------------------------------------------------

  #putBack(c: WaitingContact): void {
    let line = this.#lines.get(c.queueArn);
    if (!line) {
      line = new WaitingLine();
      this.#lines.set(c.queueArn, line);
    }
    line.add(c);
    this.#waiting.set(c.contactId, c);
    this.#route(c);
  }

  /** The contact `a` should take now, if any: profile priority, then oldest (contact priority first). */
  #best(a: Agent, now: number): WaitingContact | undefined {
    let best: { c: WaitingContact; priority: number } | undefined;
    for (const q of a.profile.queues) {
      const c = this.#lines.get(q.queueArn)?.next(now, q.delaySeconds * 1000);
      if (!c) continue;
      if (
        !best ||
        q.priority < best.priority ||
        (q.priority === best.priority &&
          (c.priority < best.c.priority ||
            (c.priority === best.c.priority &&
              (c.since < best.c.since || (c.since === best.c.since && c.seq < best.c.seq)))))
      )
        best = { c, priority: q.priority };
    }
    return best?.c;
  }

  /**
   * Offers contacts to idle agents, longest idle first, until none can take one; then sets the next
   * wake. When only `fresh` can have become routable (it was just queued: by the invariant no idle
   * agent had anything to take before), the pass stops once it is taken.
   */
  #route(fresh?: WaitingContact): void {
    const now = this.#clock.now();
    for (const a of [...this.#idle.values()]) {
      this.#offerTo(a, now);
      if (fresh && !this.#waiting.has(fresh.contactId)) break;
    }
    this.#scheduleWake(now);
  }

  #offerTo(a: Agent, now = this.#clock.now()): void {
    const c = this.#best(a, now);
    if (!c) return;
    this.#lines.get(c.queueArn)?.remove(c);
    this.#waiting.delete(c.contactId);
    this.#idle.delete(a.id);
    a.activity = 'offered';
    a.contact = c;
    a.availableSince = undefined;
    a.timer = this.#clock.setTimeout(() => this.#miss(a, 'timeout'), this.#offerTimeoutMs);
    this.#emit({ type: 'offer', agentId: a.id, contact: c });
    this.#changed(a);
  }

  #miss(a: Agent, reason: 'rejected' | 'timeout'): void {
    const c = a.contact;
    this.#clearTimer(a);
    a.activity = 'missed';
    a.contact = undefined;
    if (c) this.#emit({ type: 'missed', agentId: a.id, contactId: c.contactId, reason });
    this.#changed(a);
    if (c) this.#putBack(c);
  }

  #becomeIdle(a: Agent): void {
    a.activity = 'idle';
    a.contact = undefined;
    this.#refreshIdle(a);
    this.#changed(a);
    if (this.#idle.has(a.id)) {
      this.#offerTo(a);
      this.#scheduleWake(this.#clock.now());
    }
  }

  #refreshIdle(a: Agent): void {
    const routable = a.activity === 'idle' && a.status === 'Available';
    if (routable && !this.#idle.has(a.id)) {
      a.availableSince = this.#clock.now();
      this.#idle.set(a.id, a);
    } else if (!routable && this.#idle.delete(a.id)) a.availableSince = undefined;
  }

  /**
   * Contacts become routable to a profile's agents as they pass its queue delays: wake at the
   * first moment one does, if an idle agent could then take it.
   */
  #scheduleWake(now: number): void {
    let at = Number.POSITIVE_INFINITY;
    const seen = new Set<RoutingProfile>();
    for (const a of this.#idle.values()) {
      if (seen.has(a.profile)) continue;
      seen.add(a.profile);
      for (const q of a.profile.queues) {
        if (q.delaySeconds <= 0) continue;
        const line = this.#lines.get(q.queueArn);
        if (!line) continue;
        for (const head of line.heads()) {
          const due = head.since + q.delaySeconds * 1000;
          if (due > now && due < at) at = due;
        }
      }
    }
    if (this.#wake && this.#wake.at <= at && this.#wake.at > now) return;
    if (this.#wake) this.#clock.clearTimeout(this.#wake.timer);
    this.#wake = undefined;
    if (at === Number.POSITIVE_INFINITY) return;
    const timer = this.#clock.setTimeout(() => {
      this.#wake = undefined;
      this.#route();
    }, at - now);
    this.#wake = { at, timer };
  }

  #clearTimer(a: Agent): void {
    if (a.timer !== undefined) this.#clock.clearTimeout(a.timer);
    a.timer = undefined;
  }

  #changed(a: Agent): void {
    this.#emit({ type: 'agent', agent: view(a) });
  }
}

function view(a: Agent): AgentView {
  return {
    id: a.id,
    status: a.status,
    activity: a.activity,
    contactId: a.contact?.contactId,
    availableSince: a.availableSince,
  };
}
