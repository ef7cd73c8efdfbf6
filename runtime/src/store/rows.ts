/** Rows as the rest of Parley sees them: camelCase, timestamps as ISO 8601 strings. */

export interface InstanceRow {
  id: string;
  alias: string;
  partition: string;
  region: string;
  account: string;
  createdAt: string;
}

export interface ResourceRow {
  instanceId: string;
  kind: string;
  id: string;
  name: string;
  arn: string;
  data: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface FlowRow {
  instanceId: string;
  id: string;
  type: string;
  name: string;
  description: string;
  arn: string;
  latestVersion: number;
  publishedVersion: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface FlowVersionRow {
  instanceId: string;
  flowId: string;
  version: number;
  /** SHA-256 of `content`. */
  hash: string;
  author: string;
  message: string;
  errors: number;
  warnings: number;
  createdAt: string;
}

export interface FlowReferenceRow {
  flowId: string;
  actionId: string;
  parameter: string;
  kind: string;
  value: string;
  targetArn: string | null;
}

export interface PublicationRow {
  flowId: string;
  version: number;
  action: 'publish' | 'rollback';
  actor: string;
  at: string;
}

export type Role = 'admin' | 'author' | 'agent' | 'viewer';

export interface TokenRow {
  id: string;
  instanceId: string | null;
  role: Role;
  name: string;
  /** An agent token's instance user (resource ID): whom the agent API acts as. */
  userId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditRow {
  seq: number;
  at: string;
  instanceId: string | null;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

type Raw = Record<string, unknown>;

export const toInstance = (r: Raw): InstanceRow => ({
  id: String(r.id),
  alias: String(r.alias),
  partition: String(r.partition),
  region: String(r.region),
  account: String(r.account),
  createdAt: iso(r.created_at),
});

export const toResource = (r: Raw): ResourceRow => ({
  instanceId: String(r.instance_id),
  kind: String(r.kind),
  id: String(r.id),
  name: String(r.name),
  arn: String(r.arn),
  data: r.data as Record<string, unknown>,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

export const toFlow = (r: Raw): FlowRow => ({
  instanceId: String(r.instance_id),
  id: String(r.id),
  type: String(r.type),
  name: String(r.name),
  description: String(r.description),
  arn: String(r.arn),
  latestVersion: Number(r.latest_version),
  publishedVersion: r.published_version === null ? null : Number(r.published_version),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

export const toVersion = (r: Raw): FlowVersionRow => ({
  instanceId: String(r.instance_id),
  flowId: String(r.flow_id),
  version: Number(r.version),
  hash: String(r.hash),
  author: String(r.author),
  message: String(r.message),
  errors: Number(r.errors),
  warnings: Number(r.warnings),
  createdAt: iso(r.created_at),
});

export const toToken = (r: Raw): TokenRow => ({
  id: String(r.id),
  instanceId: r.instance_id === null ? null : String(r.instance_id),
  role: r.role as Role,
  name: String(r.name),
  userId: r.user_id === null || r.user_id === undefined ? null : String(r.user_id),
  createdAt: iso(r.created_at),
  lastUsedAt: isoOrNull(r.last_used_at),
  revokedAt: isoOrNull(r.revoked_at),
});

export const toAudit = (r: Raw): AuditRow => ({
  seq: Number(r.seq),
  at: iso(r.at),
  instanceId: r.instance_id === null ? null : String(r.instance_id),
  actor: String(r.actor),
  action: String(r.action),
  target: String(r.target),
  detail: r.detail as Record<string, unknown>,
});

export { iso };
