import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { InstanceScope } from '../services/context.js';
import type { EventBus } from '../services/events.js';
import { Problem } from '../services/problem.js';
import { hashToken, recordTokenUse } from '../services/tokens.js';
import type { Role, Store, TokenRow } from '../store/index.js';
import type { AuthFailureLimiter } from './security.js';

/**
 * What a route needs: `read` (viewer, author, admin), `write` (author, admin), `admin`, `agent`
 * (agent, admin) or `public`. Every route declares one; a route without is refused (fail closed).
 */
export type Access = 'public' | 'read' | 'write' | 'admin' | 'agent';

const ALLOWED: Record<Exclude<Access, 'public'>, readonly Role[]> = {
  read: ['viewer', 'author', 'admin'],
  write: ['author', 'admin'],
  admin: ['admin'],
  agent: ['agent', 'admin'],
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Drops memoized token lookups (after a revoke). */
    forgetTokens(): void;
  }
  interface FastifyRequest {
    token: TokenRow | null;
    scope: InstanceScope | null;
  }
}

/** Short-lived memo of token lookups: a read-heavy API should not hash-and-query on every call twice. */
class TokenCache {
  readonly #entries = new Map<string, { row: TokenRow | undefined; until: number }>();
  constructor(private readonly ttlMs: number) {}
  get(hash: string): { row: TokenRow | undefined } | undefined {
    const e = this.#entries.get(hash);
    if (!e || e.until < Date.now()) return undefined;
    return e;
  }
  set(hash: string, row: TokenRow | undefined): void {
    if (this.#entries.size > 10_000) this.#entries.clear();
    this.#entries.set(hash, { row, until: Date.now() + this.ttlMs });
  }
  clear(): void {
    this.#entries.clear();
  }
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  // Browsers cannot set headers on a WebSocket; the token may come as a query parameter there.
  const q = (request.query as Record<string, unknown> | undefined)?.access_token;
  return typeof q === 'string' ? q : undefined;
}

/**
 * A token's use is audited at most once an hour by default: every request would flood the log and
 * write on every read, while `last_used_at` keeps the latest use and one entry per token and hour
 * (with route and address) is enough to see when and from where a leaked token was used.
 */
export const DEFAULT_TOKEN_USE_AUDIT_SECONDS = 3600;

export interface AuthOptions {
  failures: AuthFailureLimiter;
  tokenUseAuditSeconds: number;
}

/** Adds authentication and instance scoping to every route of `app`. */
export function registerAuth(
  app: FastifyInstance,
  store: Store,
  events: EventBus,
  options: AuthOptions,
): void {
  const cache = new TokenCache(5_000);
  app.decorate('forgetTokens', () => cache.clear());
  app.decorateRequest('token', null);
  app.decorateRequest('scope', null);
  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    if (access === undefined) {
      // Fastify's own 404 route has no config: let the not-found handler answer it.
      if (request.is404) return;
      throw new Problem('API_FORBIDDEN', 'this route declares no access rule');
    }
    const secret = bearer(request);
    if (!secret) throw new Problem('API_UNAUTHORIZED', 'send Authorization: Bearer <token>');
    await options.failures.check(request, reply);
    const hash = hashToken(secret);
    let hit = cache.get(hash);
    if (!hit) {
      hit = { row: await store.access.tokenBySecretHash(hash) };
      cache.set(hash, hit.row);
      // Once per cache lifetime, not per request; a store that fails here must not fail the request.
      if (hit.row)
        await recordTokenUse(store, hit.row, {
          route: `${request.method} ${request.routeOptions.url ?? ''}`,
          address: request.ip,
          auditEverySeconds: options.tokenUseAuditSeconds,
        }).catch(() => undefined);
    }
    const token = hit.row;
    if (!token) {
      await options.failures.failed(request);
      throw new Problem('API_UNAUTHORIZED', 'unknown or revoked token');
    }
    if (!ALLOWED[access].includes(token.role))
      throw new Problem(
        'API_FORBIDDEN',
        `a ${token.role} token may not do this (needs ${ALLOWED[access].join(' or ')})`,
      );
    request.token = token;
    const ref = (request.params as Record<string, string> | undefined)?.instance;
    if (ref === undefined) return;
    const instance = await store.catalog.instance(ref);
    // Another instance's token learns nothing, not even whether the instance exists.
    if (token.instanceId !== null && token.instanceId !== instance?.id)
      throw new Problem('API_FORBIDDEN', 'this token belongs to another instance');
    if (!instance) throw new Problem('API_NOT_FOUND', `instance ${JSON.stringify(ref)} does not exist`);
    request.scope = { store, events, instance, actor: { id: token.id, name: token.name } };
  });
}

/** The scope a route under `/instances/:instance` runs in (set by the auth hook). */
/** Whether the request's token may change the instance, and so read its credentials. */
export function mayWrite(request: FastifyRequest): boolean {
  const role = request.token?.role;
  return role !== undefined && ALLOWED.write.includes(role);
}

export function scopeOf(request: FastifyRequest): InstanceScope {
  if (!request.scope) throw new Problem('API_INTERNAL', 'route has no instance scope');
  return request.scope;
}
