import type { Db } from './db.js';

export interface WorkerRow {
  id: string;
  app: string;
}

/** A signed-in agent and the status they chose (the routing engine's AgentStatus). */
export interface AgentStateRow {
  instanceId: string;
  userId: string;
  status: 'Available' | 'Offline' | { custom: string };
}

/** A live worker as the others reach it: its app (for calls) and its API (for agents). */
export interface PeerRow extends WorkerRow {
  url: string | null;
}

export interface LiveContactRow {
  contactId: string;
  channelId: string;
  dialled: string;
  snapshot: unknown;
}

/**
 * Worker leases and live-contact checkpoints (migration 004). Lease times are the database's clock
 * (`now()`), the one clock every worker shares.
 */
export class ClusterRepo {
  constructor(private readonly db: Db) {}

  /** Starts (or restarts, as the youngest) a worker's lease on its app. */
  async register(worker: WorkerRow & { url?: string }, leaseMs: number): Promise<void> {
    await this.db.query(
      `INSERT INTO workers (id, app, url, lease_until, adopted_by, started_at)
       VALUES ($1, $2, $4, now() + $3 * interval '1 millisecond', NULL, clock_timestamp())
       ON CONFLICT (id) DO UPDATE SET app = $2, url = $4, lease_until = EXCLUDED.lease_until,
         adopted_by = NULL, started_at = EXCLUDED.started_at`,
      [worker.id, worker.app, leaseMs, worker.url ?? null],
    );
  }

  /**
   * The worker that runs the contact centers: the longest-running one whose lease holds. Every
   * worker asks the same table, so they agree but for the moment a lease lapses.
   */
  async centerWorker(): Promise<PeerRow | undefined> {
    const [row] = await this.db.query<PeerRow>(
      `SELECT id, app, url FROM workers WHERE lease_until > now() AND adopted_by IS NULL
       ORDER BY started_at, id LIMIT 1`,
    );
    return row;
  }

  /**
   * Gives a contact's checkpoint to another worker, which resumes it from there; false when it is
   * not `from`'s (never stored, or adopted meanwhile).
   */
  async passContact(contactId: string, from: string, to: string): Promise<boolean> {
    const rows = await this.db.query(
      'UPDATE live_contacts SET worker_id = $3 WHERE contact_id = $1 AND worker_id = $2 RETURNING contact_id',
      [contactId, from, to],
    );
    return rows.length > 0;
  }

  /** One of this worker's checkpoints (one passed to it), or undefined. */
  async contact(contactId: string, workerId: string): Promise<LiveContactRow | undefined> {
    const rows = await this.db.query<LiveContactDbRow>(
      `SELECT contact_id, channel_id, dialled, snapshot FROM live_contacts
       WHERE contact_id = $1 AND worker_id = $2`,
      [contactId, workerId],
    );
    return rows.map(fromDb)[0];
  }

  /** Renews the lease; false once another worker adopted this one (it must stop serving). */
  async renew(id: string, leaseMs: number): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE workers SET lease_until = now() + $2 * interval '1 millisecond'
       WHERE id = $1 AND adopted_by IS NULL RETURNING id`,
      [id, leaseMs],
    );
    return rows.length > 0;
  }

  /** Lets the lease run out now, so another worker adopts the app without waiting (a clean stop). */
  async expire(id: string): Promise<void> {
    await this.db.query(
      `UPDATE workers SET lease_until = now() - interval '1 second' WHERE id = $1 AND adopted_by IS NULL`,
      [id],
    );
  }

  /**
   * Adopts every worker whose lease ran out, and whatever apps those had adopted themselves. One
   * statement per step, so two workers looking at once never adopt the same app.
   */
  async adoptExpired(me: string): Promise<WorkerRow[]> {
    const dead = await this.db.query<WorkerRow>(
      `UPDATE workers SET adopted_by = $1
       WHERE lease_until < now() AND adopted_by IS NULL AND id <> $1 RETURNING id, app`,
      [me],
    );
    if (dead.length === 0) return [];
    const inherited = await this.db.query<WorkerRow>(
      `UPDATE workers SET adopted_by = $1 WHERE adopted_by = ANY($2::text[]) RETURNING id, app`,
      [me, dead.map((w) => w.id)],
    );
    return [...dead, ...inherited];
  }

  /**
   * Stores checkpoints, the latest per contact, in one statement. A contact another worker adopted
   * meanwhile stays that worker's: a fenced worker's late writes change nothing.
   */
  async saveContacts(workerId: string, rows: readonly LiveContactRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO live_contacts (contact_id, worker_id, channel_id, dialled, snapshot, updated_at)
       SELECT c->>'contactId', $1, c->>'channelId', c->>'dialled', c->'snapshot', now()
       FROM jsonb_array_elements($2::jsonb) AS c
       ON CONFLICT (contact_id) DO UPDATE SET channel_id = EXCLUDED.channel_id,
         dialled = EXCLUDED.dialled, snapshot = EXCLUDED.snapshot, updated_at = now()
       WHERE live_contacts.worker_id = $1`,
      [workerId, JSON.stringify(rows)],
    );
  }

  /** Forgets this worker's checkpoints of contacts that ended (not another worker's, adopted). */
  async removeContacts(workerId: string, contactIds: readonly string[]): Promise<void> {
    if (contactIds.length === 0) return;
    await this.db.query('DELETE FROM live_contacts WHERE contact_id = ANY($1::text[]) AND worker_id = $2', [
      contactIds,
      workerId,
    ]);
  }

  /** The checkpoints of the workers' contacts, which become `to`'s. */
  async takeContacts(from: readonly string[], to: string): Promise<LiveContactRow[]> {
    const rows = await this.db.query<LiveContactDbRow>(
      `UPDATE live_contacts SET worker_id = $2 WHERE worker_id = ANY($1::text[])
       RETURNING contact_id, channel_id, dialled, snapshot`,
      [from, to],
    );
    return rows.map(fromDb);
  }

  /** An agent's status as they chose it (signed in), or null once they signed out. */
  async saveAgentState(
    instanceId: string,
    userId: string,
    status: AgentStateRow['status'] | null,
  ): Promise<void> {
    if (status === null) {
      await this.db.query('DELETE FROM agent_states WHERE instance_id = $1 AND user_id = $2', [
        instanceId,
        userId,
      ]);
      return;
    }
    await this.db.query(
      `INSERT INTO agent_states (instance_id, user_id, status, updated_at) VALUES ($1, $2, $3::jsonb, now())
       ON CONFLICT (instance_id, user_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()`,
      // Wrapped: a bare JSON string comes back from the embedded store as text indistinguishable from
      // a serialised object.
      [instanceId, userId, JSON.stringify({ status })],
    );
  }

  /** Every signed-in agent's status. */
  async agentStates(): Promise<AgentStateRow[]> {
    const rows = await this.db.query<{ instance_id: string; user_id: string; status: unknown }>(
      'SELECT instance_id, user_id, status FROM agent_states ORDER BY updated_at',
    );
    return rows.map((r) => ({
      instanceId: r.instance_id,
      userId: r.user_id,
      status: (jsonb(r.status) as { status: AgentStateRow['status'] }).status,
    }));
  }

  /** How many contacts each worker has checkpointed (what a dashboard or a test reads). */
  async contactCounts(): Promise<Record<string, number>> {
    const rows = await this.db.query<{ worker_id: string; n: number | string }>(
      'SELECT worker_id, count(*) AS n FROM live_contacts GROUP BY worker_id',
    );
    return Object.fromEntries(rows.map((r) => [r.worker_id, Number(r.n)]));
  }
}

interface LiveContactDbRow {
  contact_id: string;
  channel_id: string;
  dialled: string;
  snapshot: unknown;
}

/** A jsonb column's value: PostgreSQL's driver parses it, the embedded store hands it back as text. */
const jsonb = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

const fromDb = (r: LiveContactDbRow): LiveContactRow => ({
  contactId: r.contact_id,
  channelId: r.channel_id,
  dialled: r.dialled,
  snapshot: jsonb(r.snapshot),
});
