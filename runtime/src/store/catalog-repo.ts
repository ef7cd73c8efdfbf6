import type { Db } from './db.js';
import { type InstanceRow, type ResourceRow, toInstance, toResource } from './rows.js';

/** Instances and their resources. */
export class CatalogRepo {
  constructor(private readonly db: Db) {}

  async createInstance(i: Omit<InstanceRow, 'createdAt'>): Promise<InstanceRow> {
    const [row] = await this.db.query(
      `INSERT INTO instances (id, alias, partition, region, account) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [i.id, i.alias, i.partition, i.region, i.account],
    );
    return toInstance(row ?? {});
  }

  async instances(): Promise<InstanceRow[]> {
    return (await this.db.query('SELECT * FROM instances ORDER BY alias')).map(toInstance);
  }

  /** By ID or alias. */
  async instance(ref: string): Promise<InstanceRow | undefined> {
    const [row] = await this.db.query('SELECT * FROM instances WHERE id = $1 OR alias = $1 LIMIT 1', [ref]);
    return row && toInstance(row);
  }

  async deleteInstance(id: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM instances WHERE id = $1 RETURNING id', [id])).length > 0;
  }

  /**
   * Creates or updates a resource. A phone number whose number changes counts as created anew:
   * when two instances hold one number, the one that has held it longest answers it
   * (LiveInstances), and an instance must not gain seniority by renumbering an old entry.
   */
  async putResource(r: Omit<ResourceRow, 'createdAt' | 'updatedAt'>): Promise<ResourceRow> {
    const [row] = await this.db.query(
      `INSERT INTO resources (instance_id, kind, id, name, arn, data) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (instance_id, kind, id)
       DO UPDATE SET name = EXCLUDED.name, arn = EXCLUDED.arn, data = EXCLUDED.data, updated_at = now(),
         created_at = CASE WHEN resources.kind = 'phoneNumber'
                            AND resources.data->>'number' IS DISTINCT FROM EXCLUDED.data->>'number'
                           THEN now() ELSE resources.created_at END
       RETURNING *`,
      [r.instanceId, r.kind, r.id, r.name, r.arn, JSON.stringify(r.data)],
    );
    return toResource(row ?? {});
  }

  async resources(instanceId: string, kind?: string): Promise<ResourceRow[]> {
    const rows = kind
      ? await this.db.query('SELECT * FROM resources WHERE instance_id = $1 AND kind = $2 ORDER BY name', [
          instanceId,
          kind,
        ])
      : await this.db.query('SELECT * FROM resources WHERE instance_id = $1 ORDER BY kind, name', [
          instanceId,
        ]);
    return rows.map(toResource);
  }

  /** By ID, ARN or name. */
  async resource(instanceId: string, kind: string, ref: string): Promise<ResourceRow | undefined> {
    const [row] = await this.db.query(
      `SELECT * FROM resources WHERE instance_id = $1 AND kind = $2 AND (id = $3 OR arn = $3 OR name = $3)
       ORDER BY (id = $3) DESC, (arn = $3) DESC LIMIT 1`,
      [instanceId, kind, ref],
    );
    return row && toResource(row);
  }

  async deleteResource(instanceId: string, kind: string, id: string): Promise<boolean> {
    const rows = await this.db.query(
      'DELETE FROM resources WHERE instance_id = $1 AND kind = $2 AND id = $3 RETURNING id',
      [instanceId, kind, id],
    );
    return rows.length > 0;
  }

  async putPromptAudio(
    instanceId: string,
    promptId: string,
    sha256: string,
    bytes: Uint8Array,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO prompt_audio (instance_id, prompt_id, sha256, bytes) VALUES ($1, $2, $3, $4)
       ON CONFLICT (instance_id, prompt_id) DO UPDATE SET sha256 = EXCLUDED.sha256, bytes = EXCLUDED.bytes`,
      [instanceId, promptId, sha256, bytes],
    );
  }

  async promptAudio(instanceId: string, promptId: string): Promise<Uint8Array | undefined> {
    const [row] = await this.db.query<{ bytes: Uint8Array }>(
      'SELECT bytes FROM prompt_audio WHERE instance_id = $1 AND prompt_id = $2',
      [instanceId, promptId],
    );
    return row?.bytes;
  }
}
