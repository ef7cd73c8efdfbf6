import type { Db } from './db.js';
import {
  type FlowReferenceRow,
  type FlowRow,
  type FlowVersionRow,
  iso,
  type PublicationRow,
  toFlow,
  toVersion,
} from './rows.js';

export interface NewVersion {
  hash: string;
  author: string;
  message: string;
  content: string;
  errors: number;
  warnings: number;
}

/** Flows, their immutable versions, publications and the reference index. */
export class FlowRepo {
  constructor(private readonly db: Db) {}

  async create(
    f: Pick<FlowRow, 'instanceId' | 'id' | 'type' | 'name' | 'description' | 'arn'>,
  ): Promise<FlowRow> {
    const [row] = await this.db.query(
      `INSERT INTO flows (instance_id, id, type, name, description, arn) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [f.instanceId, f.id, f.type, f.name, f.description, f.arn],
    );
    return toFlow(row ?? {});
  }

  async list(instanceId: string, type?: string): Promise<FlowRow[]> {
    const rows = type
      ? await this.db.query('SELECT * FROM flows WHERE instance_id = $1 AND type = $2 ORDER BY name', [
          instanceId,
          type,
        ])
      : await this.db.query('SELECT * FROM flows WHERE instance_id = $1 ORDER BY name', [instanceId]);
    return rows.map(toFlow);
  }

  /** By ID, ARN (with or without a qualifier) or name. */
  async get(
    instanceId: string,
    ref: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<FlowRow | undefined> {
    const [row] = await this.db.query(
      `SELECT * FROM flows WHERE instance_id = $1 AND (id = $2 OR arn = split_part($2, ':$', 1) OR name = $2)
       ORDER BY (id = $2) DESC LIMIT 1${options.forUpdate ? ' FOR UPDATE' : ''}`,
      [instanceId, ref],
    );
    return row && toFlow(row);
  }

  async update(
    instanceId: string,
    id: string,
    patch: { name?: string; description?: string },
  ): Promise<FlowRow | undefined> {
    const [row] = await this.db.query(
      `UPDATE flows SET name = COALESCE($3, name), description = COALESCE($4, description), updated_at = now()
       WHERE instance_id = $1 AND id = $2 RETURNING *`,
      [instanceId, id, patch.name ?? null, patch.description ?? null],
    );
    return row && toFlow(row);
  }

  async delete(instanceId: string, id: string): Promise<boolean> {
    return (
      (
        await this.db.query('DELETE FROM flows WHERE instance_id = $1 AND id = $2 RETURNING id', [
          instanceId,
          id,
        ])
      ).length > 0
    );
  }

  /** Appends the next version; the caller holds the flow row locked (`get(…, { forUpdate })`). */
  async addVersion(instanceId: string, flowId: string, v: NewVersion): Promise<FlowVersionRow> {
    const [row] = await this.db.query(
      `WITH next AS (
         UPDATE flows SET latest_version = latest_version + 1, updated_at = now()
         WHERE instance_id = $1 AND id = $2 RETURNING latest_version)
       INSERT INTO flow_versions (instance_id, flow_id, version, hash, author, message, content, errors, warnings)
       SELECT $1, $2, next.latest_version, $3, $4, $5, $6, $7, $8 FROM next RETURNING *`,
      [instanceId, flowId, v.hash, v.author, v.message, v.content, v.errors, v.warnings],
    );
    if (!row) throw new Error(`flow ${flowId} vanished while saving`);
    return toVersion(row);
  }

  async versions(instanceId: string, flowId: string): Promise<FlowVersionRow[]> {
    const rows = await this.db.query(
      `SELECT instance_id, flow_id, version, hash, author, message, errors, warnings, created_at
       FROM flow_versions WHERE instance_id = $1 AND flow_id = $2 ORDER BY version DESC`,
      [instanceId, flowId],
    );
    return rows.map(toVersion);
  }

  async version(
    instanceId: string,
    flowId: string,
    version: number,
  ): Promise<(FlowVersionRow & { content: string }) | undefined> {
    const [row] = await this.db.query(
      'SELECT * FROM flow_versions WHERE instance_id = $1 AND flow_id = $2 AND version = $3',
      [instanceId, flowId, version],
    );
    return row && { ...toVersion(row), content: String(row.content) };
  }

  async publish(
    instanceId: string,
    flowId: string,
    version: number,
    action: PublicationRow['action'],
    actor: string,
  ): Promise<void> {
    await this.db.query(
      'UPDATE flows SET published_version = $3, updated_at = now() WHERE instance_id = $1 AND id = $2',
      [instanceId, flowId, version],
    );
    await this.db.query(
      'INSERT INTO publications (instance_id, flow_id, version, action, actor) VALUES ($1, $2, $3, $4, $5)',
      [instanceId, flowId, version, action, actor],
    );
  }

  async publications(instanceId: string, flowId: string): Promise<PublicationRow[]> {
    const rows = await this.db.query(
      'SELECT * FROM publications WHERE instance_id = $1 AND flow_id = $2 ORDER BY seq DESC',
      [instanceId, flowId],
    );
    return rows.map((r) => ({
      flowId: String(r.flow_id),
      version: Number(r.version),
      action: r.action as PublicationRow['action'],
      actor: String(r.actor),
      at: iso(r.at),
    }));
  }

  /** Replaces the flow's indexed references with those of its latest version. */
  async setReferences(
    instanceId: string,
    flowId: string,
    refs: readonly Omit<FlowReferenceRow, 'flowId'>[],
  ): Promise<void> {
    await this.db.query('DELETE FROM flow_references WHERE instance_id = $1 AND flow_id = $2', [
      instanceId,
      flowId,
    ]);
    if (refs.length === 0) return;
    // One statement for all of them: a 2,000-block flow has hundreds.
    await this.db.query(
      `INSERT INTO flow_references (instance_id, flow_id, action_id, parameter, kind, value, target_arn)
       SELECT $1, $2, r.action_id, r.parameter, r.kind, r.value, r.target_arn
       FROM jsonb_to_recordset($3::jsonb) AS r(action_id text, parameter text, kind text, value text, target_arn text)`,
      [
        instanceId,
        flowId,
        JSON.stringify(
          refs.map((r) => ({
            action_id: r.actionId,
            parameter: r.parameter,
            kind: r.kind,
            value: r.value,
            target_arn: r.targetArn,
          })),
        ),
      ],
    );
  }

  /** Flows whose latest version references one of `arns` (or uses one of `values` as written). */
  async referencing(
    instanceId: string,
    kinds: readonly string[],
    arns: readonly string[],
    values: readonly string[],
  ): Promise<FlowReferenceRow[]> {
    const rows = await this.db.query(
      `SELECT * FROM flow_references WHERE instance_id = $1 AND kind = ANY($2::text[])
       AND (target_arn = ANY($3::text[]) OR value = ANY($4::text[])) ORDER BY flow_id, action_id`,
      [instanceId, kinds, arns, values],
    );
    return rows.map((r) => ({
      flowId: String(r.flow_id),
      actionId: String(r.action_id),
      parameter: String(r.parameter),
      kind: String(r.kind),
      value: String(r.value),
      targetArn: r.target_arn === null ? null : String(r.target_arn),
    }));
  }
}
