import type { Db } from './db.js';
import { type AuditRow, type Role, type TokenRow, toAudit, toToken } from './rows.js';

export interface AuditEntry {
  instanceId: string | null;
  actor: string;
  action: string;
  target?: string;
  detail?: Record<string, unknown>;
}

/** API tokens (only hashes of their secrets) and the audit log. */
export class AccessRepo {
  constructor(private readonly db: Db) {}

  async createToken(t: {
    id: string;
    instanceId: string | null;
    role: Role;
    name: string;
    secretHash: string;
    userId?: string | null;
  }): Promise<TokenRow> {
    const [row] = await this.db.query(
      'INSERT INTO tokens (id, instance_id, role, name, secret_hash, user_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      [t.id, t.instanceId, t.role, t.name, t.secretHash, t.userId ?? null],
    );
    return toToken(row ?? {});
  }

  async tokenBySecretHash(secretHash: string): Promise<TokenRow | undefined> {
    const [row] = await this.db.query('SELECT * FROM tokens WHERE secret_hash = $1 AND revoked_at IS NULL', [
      secretHash,
    ]);
    return row && toToken(row);
  }

  /**
   * Sets `last_used_at`; with `auditEverySeconds`, also claims the token's next audited use: true
   * when the last one is at least that old (or there was none), and it is now.
   */
  async touchToken(id: string, auditEverySeconds?: number): Promise<boolean> {
    await this.db.query('UPDATE tokens SET last_used_at = now() WHERE id = $1', [id]);
    if (auditEverySeconds === undefined) return false;
    const claimed = await this.db.query(
      `UPDATE tokens SET use_audited_at = now()
        WHERE id = $1 AND (use_audited_at IS NULL OR use_audited_at <= now() - make_interval(secs => $2))
        RETURNING id`,
      [id, auditEverySeconds],
    );
    return claimed.length > 0;
  }

  async tokens(instanceId?: string): Promise<TokenRow[]> {
    const rows =
      instanceId === undefined
        ? await this.db.query('SELECT * FROM tokens ORDER BY created_at')
        : await this.db.query('SELECT * FROM tokens WHERE instance_id = $1 ORDER BY created_at', [
            instanceId,
          ]);
    return rows.map(toToken);
  }

  async revokeToken(id: string): Promise<boolean> {
    const rows = await this.db.query(
      'UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
      [id],
    );
    return rows.length > 0;
  }

  async countTokens(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tokens');
    return row?.n ?? 0;
  }

  async audit(e: AuditEntry): Promise<void> {
    await this.db.query(
      'INSERT INTO audit (instance_id, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5)',
      [e.instanceId, e.actor, e.action, e.target ?? '', JSON.stringify(e.detail ?? {})],
    );
  }

  async auditLog(options: { instanceId?: string; after?: number; limit?: number } = {}): Promise<AuditRow[]> {
    const rows = await this.db.query(
      `SELECT * FROM audit WHERE ($1::text IS NULL OR instance_id = $1) AND seq > $2 ORDER BY seq LIMIT $3`,
      [options.instanceId ?? null, options.after ?? 0, Math.min(options.limit ?? 100, 1000)],
    );
    return rows.map(toAudit);
  }
}
