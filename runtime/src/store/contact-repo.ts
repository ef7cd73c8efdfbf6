import type { Db } from './db.js';
import { iso } from './rows.js';

export interface FlowLogQuery {
  contactId?: string;
  flowArn?: string;
  /** ISO 8601 bounds, inclusive. */
  from?: string;
  to?: string;
  after?: number;
  limit?: number;
}

export interface StoredFlowLog {
  seq: number;
  entry: Record<string, unknown>;
}

export interface ContactSummary {
  contactId: string;
  initialContactId: string | null;
  initiationTimestamp: string | null;
  disconnectTimestamp: string | null;
}

/** Flow-log entries and contact records of contacts that ran on this store's instances. */
export class ContactRepo {
  constructor(private readonly db: Db) {}

  /** Many entries in one statement: the log writer batches off the call path. */
  async appendFlowLogs(instanceId: string, entries: readonly Record<string, unknown>[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db.query(
      `INSERT INTO flow_logs (instance_id, contact_id, flow_arn, at, entry)
       SELECT $1, e->>'ContactId', COALESCE(e->>'ContactFlowId', ''), (e->>'Timestamp')::timestamptz, e
       FROM jsonb_array_elements($2::jsonb) AS e`,
      [instanceId, JSON.stringify(entries)],
    );
  }

  async flowLogs(instanceId: string, q: FlowLogQuery = {}): Promise<StoredFlowLog[]> {
    const rows = await this.db.query(
      `SELECT seq, entry FROM flow_logs WHERE instance_id = $1
         AND ($2::text IS NULL OR contact_id = $2) AND ($3::text IS NULL OR flow_arn = $3)
         AND ($4::timestamptz IS NULL OR at >= $4) AND ($5::timestamptz IS NULL OR at <= $5)
         AND seq > $6
       ORDER BY seq LIMIT $7`,
      [
        instanceId,
        q.contactId ?? null,
        q.flowArn ?? null,
        q.from ?? null,
        q.to ?? null,
        q.after ?? 0,
        Math.min(q.limit ?? 1000, 10_000),
      ],
    );
    return rows.map((r) => ({ seq: Number(r.seq), entry: r.entry as Record<string, unknown> }));
  }

  async putContactRecord(instanceId: string, record: Record<string, unknown>): Promise<void> {
    await this.db.query(
      `INSERT INTO contact_records (instance_id, contact_id, initial_contact_id, initiation_timestamp, disconnect_timestamp, record)
       VALUES ($1, $2::jsonb->>'ContactId', $2::jsonb->>'InitialContactId', ($2::jsonb->>'InitiationTimestamp')::timestamptz,
               ($2::jsonb->>'DisconnectTimestamp')::timestamptz, $2::jsonb)
       ON CONFLICT (instance_id, contact_id) DO UPDATE SET record = EXCLUDED.record,
         disconnect_timestamp = EXCLUDED.disconnect_timestamp`,
      [instanceId, JSON.stringify(record)],
    );
  }

  async contactRecord(instanceId: string, contactId: string): Promise<Record<string, unknown> | undefined> {
    const [row] = await this.db.query(
      'SELECT record FROM contact_records WHERE instance_id = $1 AND contact_id = $2',
      [instanceId, contactId],
    );
    return row?.record as Record<string, unknown> | undefined;
  }

  async contacts(
    instanceId: string,
    options: { limit?: number; before?: string; flowArn?: string } = {},
  ): Promise<ContactSummary[]> {
    // A contact "of a flow" is one that ran a block of it: its flow logs say so.
    const rows = await this.db.query(
      `SELECT contact_id, initial_contact_id, initiation_timestamp, disconnect_timestamp FROM contact_records c
       WHERE instance_id = $1 AND ($2::timestamptz IS NULL OR initiation_timestamp < $2)
         AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM flow_logs l
           WHERE l.instance_id = c.instance_id AND l.flow_arn = $4 AND l.contact_id = c.contact_id))
       ORDER BY initiation_timestamp DESC NULLS LAST LIMIT $3`,
      [instanceId, options.before ?? null, Math.min(options.limit ?? 100, 1000), options.flowArn ?? null],
    );
    return rows.map((r) => ({
      contactId: String(r.contact_id),
      initialContactId: r.initial_contact_id === null ? null : String(r.initial_contact_id),
      initiationTimestamp: r.initiation_timestamp === null ? null : iso(r.initiation_timestamp),
      disconnectTimestamp: r.disconnect_timestamp === null ? null : iso(r.disconnect_timestamp),
    }));
  }
}
