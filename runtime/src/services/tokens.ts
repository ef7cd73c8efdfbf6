import { createHash, randomBytes } from 'node:crypto';
import type { Role, Store, TokenRow } from '../store/index.js';

export const ROLES: readonly Role[] = ['admin', 'author', 'agent', 'viewer'];

/** Tokens read `parley_<id>_<secret>`: the id finds nothing by itself; only the hash is stored. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createToken(
  store: Store,
  t: { role: Role; name: string; instanceId: string | null; actor: string; userId?: string | null },
): Promise<{ token: string; row: TokenRow }> {
  const id = randomBytes(6).toString('hex');
  const token = `parley_${id}_${randomBytes(24).toString('base64url')}`;
  const row = await store.transaction(async (tx) => {
    const created = await tx.access.createToken({
      id,
      instanceId: t.instanceId,
      role: t.role,
      name: t.name,
      secretHash: hashToken(token),
      userId: t.userId ?? null,
    });
    await tx.access.audit({
      instanceId: t.instanceId,
      actor: t.actor,
      action: 'token.create',
      target: id,
      detail: { role: t.role, ...(t.userId ? { user: t.userId } : {}) },
    });
    return created;
  });
  return { token, row };
}

/** The first admin token of a new store, printed once by `parley start`; undefined when tokens exist. */
export async function bootstrapAdminToken(store: Store): Promise<string | undefined> {
  if ((await store.access.countTokens()) > 0) return undefined;
  return (await createToken(store, { role: 'admin', name: 'first admin', instanceId: null, actor: 'system' }))
    .token;
}

/**
 * Marks a token used now, and writes a `token.use` audit entry (in the token's instance, or among
 * the global entries for a token of every instance) when its last one is older than
 * `auditEverySeconds`. The store decides under a row lock, so workers sharing it write one entry.
 */
export async function recordTokenUse(
  store: Store,
  token: TokenRow,
  use: { route: string; address: string; auditEverySeconds: number },
): Promise<void> {
  await store.transaction(async (tx) => {
    if (!(await tx.access.touchToken(token.id, use.auditEverySeconds))) return;
    await tx.access.audit({
      instanceId: token.instanceId,
      actor: token.id,
      action: 'token.use',
      target: token.id,
      detail: { route: use.route, address: use.address },
    });
  });
}
