import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { Problem } from '../services/problem.js';

/** At most `max` requests in `timeWindow` milliseconds. */
export interface RateLimit {
  max: number;
  timeWindow: number;
}

/**
 * What is limited. Counters live in the server process (per worker), keyed by token when the
 * request has one, else by address (`trustProxy` decides which address that is behind a proxy).
 */
export interface RateLimits {
  /**
   * Requests with an unknown or revoked token, per address. Tokens are bearer secrets, so presenting
   * one is the login; past the limit every request from that address waits, a right guess included,
   * or the limit would not slow guessing down.
   */
  authFailures: RateLimit;
  /** Token creation and agent login (POST /tokens, POST …/agent/login), per token. */
  login: RateLimit;
  /** Flow and bundle imports (POST …/import, POST …/bundle), dry runs included: each parses and resolves a whole document. */
  import: RateLimit;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  authFailures: { max: 20, timeWindow: 60_000 },
  login: { max: 30, timeWindow: 60_000 },
  import: { max: 30, timeWindow: 60_000 },
};

/** The limit a route declares in `config.limit`; the route's access rule still applies first. */
export type LimitedAction = 'login' | 'import';

declare module 'fastify' {
  interface FastifyContextConfig {
    limit?: LimitedAction;
  }
}

const limitedWhat: Record<LimitedAction, string> = {
  login: 'logins and token requests',
  import: 'imports',
};

/** Whose counter a request adds to: its token once authenticated, else its address. */
const limitKey = (request: FastifyRequest) =>
  request.token ? `token ${request.token.id}` : `ip ${request.ip}`;

const retryAfter = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs / 1000));

/** The refusal; the Retry-After header carries the same seconds. */
const tooMany = (what: string, ttlMs: number): Problem =>
  new Problem('API_RATE_LIMITED', `too many ${what}; retry in ${retryAfter(ttlMs)} s`, [], {
    retryAfterSeconds: retryAfter(ttlMs),
  });

export interface SecurityOptions {
  corsOrigins?: readonly string[];
  rateLimits?: Partial<RateLimits> | false;
}

/** Counts refused tokens per address and refuses every token from an address past the limit. */
export interface AuthFailureLimiter {
  /** Throws API_RATE_LIMITED while the address is over the limit. */
  check(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Counts one refused token. */
  failed(request: FastifyRequest): Promise<void>;
}

const unlimited: AuthFailureLimiter = { check: async () => {}, failed: async () => {} };

/**
 * Security headers, CORS and rate limits, registered before the auth hook so that its refusals
 * carry the headers too. Routes opt into a rate limit with `config.limit`; the route table reads it.
 */
export async function registerSecurity(
  app: FastifyInstance,
  options: SecurityOptions,
): Promise<AuthFailureLimiter> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
    // The designer and the API documentation are never framed; frame-ancestors says so too.
    frameguard: { action: 'deny' },
    // Parley is often reached over plain HTTP on a LAN: HSTS only matters where TLS ends in front of it.
    hsts: { maxAge: 15_552_000, includeSubDomains: false },
  });
  await registerCors(app, options.corsOrigins ?? []);
  if (options.rateLimits === false) return unlimited;
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  // Before the plugin's own onRoute hook, which reads config.rateLimit.
  app.addHook('onRoute', (route) => {
    const limit = route.config?.limit;
    if (limit) route.config = { ...route.config, rateLimit: { ...limits[limit] } };
  });
  await app.register(rateLimit, {
    global: false,
    keyGenerator: limitKey,
    // The plugin sets Retry-After itself before it throws this.
    errorResponseBuilder: (request, context) =>
      tooMany(limitedWhat[request.routeOptions.config.limit ?? 'import'], context.ttl),
  });
  const failures = app.createRateLimit({ ...limits.authFailures, keyGenerator: (r) => `ip ${r.ip}` });
  return {
    async check(request, reply) {
      const status = await failures(request, { increment: false });
      if (status.isAllowed || status.remaining > 0) return;
      void reply.header('retry-after', String(retryAfter(status.ttl)));
      throw tooMany('requests with unknown tokens from this address', status.ttl);
    },
    async failed(request) {
      await failures(request);
    },
  };
}

/** The origins as the browser sends them in `Origin`: scheme, host and port, no path. */
export function normalizeOrigin(origin: string): string | undefined {
  if (origin === '*') return '*';
  try {
    const url = new URL(origin);
    return url.origin === 'null' ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

/**
 * Closed unless told: without an allow-list no response carries Access-Control-Allow-Origin and
 * a preflight is refused, so only the designer served from the same origin calls the API from a
 * browser. Tokens travel in a header, never a cookie, so a foreign page cannot act with one anyway.
 */
async function registerCors(app: FastifyInstance, origins: readonly string[]): Promise<void> {
  const allowed = new Set(
    origins.map((o) => {
      const normal = normalizeOrigin(o);
      if (!normal) throw new Error(`CORS origin ${JSON.stringify(o)} is not scheme://host[:port]`);
      return normal;
    }),
  );
  const allows = (origin: string | undefined) =>
    origin !== undefined && (allowed.has('*') || allowed.has(normalizeOrigin(origin) ?? ''));
  app.addHook('onRequest', async (request) => {
    const origin = request.headers.origin;
    if (request.method === 'OPTIONS' && origin && request.headers['access-control-request-method'])
      if (!allows(origin))
        throw new Problem('API_ORIGIN_REFUSED', `pages from ${origin} may not call this API`);
  });
  await app.register(cors, {
    origin: (origin, done) => done(null, allows(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: ['ETag', 'X-Parley-Version', 'Retry-After', 'Content-Disposition'],
    maxAge: 600,
  });
}

type Directives = Record<string, string[]>;

/** JSON, WAVs and errors: nothing in them may run, load or be framed. */
export const API_CSP: Directives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The designer as Vite builds it: its own module scripts and styles, the ELK layout worker from
 * its assets, fetch and the event WebSockets to the same origin, prompt audio and downloads as
 * blob: URLs. React sets styles through the DOM, which CSP does not govern, so no 'unsafe-inline'.
 * 'unsafe-eval' because the validator (packages/flow) has Ajv compile the flow and block schemas
 * into functions in the browser; with them compiled ahead (Ajv's standalone code) it could go.
 * Scripts still come only from the designer's own files: no inline script runs.
 */
export const DESIGNER_CSP: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'media-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Swagger UI at /docs: its scripts and styles are files of its own, plus style attributes it
 * writes into its markup. Unlike the plugin's default policy, no upgrade-insecure-requests: that
 * would break Parley served over plain HTTP on a LAN.
 */
export const DOCS_CSP: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** A CSP header value from directives, written as helmet writes it. */
export const cspHeader = (directives: Directives): string =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join(';');

/** `access_token=<secret>` in a URL's query, as WebSockets send it. */
const TOKEN_IN_QUERY = /([?&]access_token=)[^&#]*/gi;

export const redactUrl = (url: string): string => url.replace(TOKEN_IN_QUERY, '$1[redacted]');

/** Paths pino blanks wherever a serializer or a caller puts them. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'token',
  'access_token',
];

/**
 * Fastify's logger with secrets taken out: the request line without access_token, and
 * Authorization headers or token fields blanked wherever they appear. Bodies are never logged.
 */
export function loggerOptions(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const given = logger === true ? {} : logger;
  const redact = Array.isArray(given.redact) ? given.redact : (given.redact?.paths ?? []);
  return {
    ...given,
    redact: { paths: [...REDACT, ...redact], censor: '[redacted]' },
    serializers: {
      ...given.serializers,
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
}
