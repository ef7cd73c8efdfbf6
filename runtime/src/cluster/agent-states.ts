import type { ContactCenters, InstanceCenter } from '../center/index.js';
import type { AgentEvent } from '../center/types.js';
import type { AgentStatus } from '../routing/index.js';
import type { Store } from '../store/index.js';

/** The status an agent chose, as the routing engine takes it, from their snapshot in an event. */
function statusOf(event: AgentEvent): AgentStatus | null {
  if (event.EventType === 'LOGOUT') return null;
  const status = event.CurrentAgentSnapshot?.AgentStatus;
  if (!status || status.Type === 'OFFLINE') return 'Offline';
  return status.Type === 'ROUTABLE' ? 'Available' : { custom: status.Name };
}

/**
 * Agents' sign-ins and chosen statuses kept in the shared store by the worker running the contact
 * centers, so that the worker running them next (the first one stopped or died) signs every agent in
 * again as they were: their panels go on without a new sign-in. What they were doing (a call, After
 * Contact Work) is not kept: their calls resume at their queue transfer and are offered again.
 */
export class StoredAgentStates {
  /** The last status written per instance and user, so activity changes cost no write. */
  readonly #written = new Map<string, string>();
  /** Writes in the order the events came (two on one agent must not cross on the pool). */
  #writes: Promise<void> = Promise.resolve();
  /** Restoring: the sign-ins being replayed are what the store holds already. */
  #quiet = false;

  constructor(
    private readonly store: Store,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Follows a center's agent events (ContactCentersOptions.onCenter). */
  follow = (instanceId: string, center: InstanceCenter) => {
    center.onAgentEvent((event) => {
      if (event.EventType === 'HEART_BEAT' || this.#quiet) return;
      const userId = event.AgentARN.slice(event.AgentARN.lastIndexOf('/') + 1);
      const status = statusOf(event);
      const key = `${instanceId}/${userId}`;
      const text = JSON.stringify(status);
      if (this.#written.get(key) === text) return;
      this.#written.set(key, text);
      this.#writes = this.#writes
        .then(() => this.store.cluster.saveAgentState(instanceId, userId, status))
        .catch(this.onError);
    });
  };

  /** Signs the stored agents in to their centers; returns how many were. */
  async restore(centers: Pick<ContactCenters, 'get'>): Promise<number> {
    let restored = 0;
    const rows = await this.store.cluster.agentStates();
    this.#quiet = true;
    try {
      for (const row of rows) {
        const center = centers.get(row.instanceId);
        if (!center || !(await center.login(row.userId)).ok) continue;
        this.#written.set(`${row.instanceId}/${row.userId}`, JSON.stringify(row.status));
        if (row.status === 'Offline' || (await center.setStatus(row.userId, row.status)).ok) restored++;
      }
    } finally {
      this.#quiet = false;
    }
    return restored;
  }
}
