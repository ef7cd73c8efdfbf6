import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { CenterLookup } from '../agents/types.js';
import { EventBus } from '../services/events.js';
import type { Store } from '../store/index.js';
import type { TestCallService } from '../testcalls/types.js';
import { type Access, DEFAULT_TOKEN_USE_AUDIT_SECONDS, registerAuth } from './auth.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { agentRoutes } from './routes/agents.js';
import { bundleRoutes } from './routes/bundles.js';
import { contactRoutes } from './routes/contacts.js';
import { eventRoutes } from './routes/events.js';
import { flowRoutes } from './routes/flows.js';
import { instanceRoutes } from './routes/instances.js';
import { resourceTypeRoutes } from './routes/resource-types.js';
import { resourceRoutes } from './routes/resources.js';
import { testCallRoutes } from './routes/test-calls.js';
import { tokenRoutes } from './routes/tokens.js';
import { transferRoutes } from './routes/transfer.js';
import {
  cspHeader,
  DOCS_CSP,
  type LimitedAction,
  loggerOptions,
  type RateLimits,
  registerSecurity,
} from './security.js';

export interface AppOptions {
  store: Store;
  events?: EventBus;
  /**
   * Fastify's logger (pino); off unless given. Authorization headers, cookies and access_token
   * query parameters are redacted (security.ts); bodies are never logged.
   */
  logger?: FastifyServerOptions['logger'];
  /** Largest JSON body in bytes; flows are at most 2 MB of JSON, escaped inside a request. */
  bodyLimit?: number;
  /**
   * Origins (`scheme://host[:port]`, or `*`) whose pages may call the API from a browser. None by
   * default: only the designer served from the same origin can.
   */
  corsOrigins?: readonly string[];
  /** Rate limits (security.ts, DEFAULT_RATE_LIMITS), each replaceable; `false` turns them off. */
  rateLimits?: Partial<RateLimits> | false;
  /** At most one `token.use` audit entry per token in this many seconds. Default an hour. */
  tokenUseAuditSeconds?: number;
  /** Fastify's trustProxy: behind a reverse proxy, so rate limits count the client's address. */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** Extra plugins (the designer's static files, telephony routes) registered after the API. */
  plugins?: ((app: FastifyInstance) => Promise<void> | void)[];
  /** Test calls of drafts; without telephony their routes answer TESTCALL_UNAVAILABLE. */
  testCalls?: TestCallService;
  /** Each instance's contact center, for the agent API; without one its routes answer AGENT_UNAVAILABLE. */
  center?: CenterLookup;
  /**
   * A cluster worker that does not run the contact centers: the API address of the one that does,
   * to which the agent routes forward (undefined while this worker runs them).
   */
  centerElsewhere?: () => string | undefined;
}

export interface RouteEntry {
  method: string;
  url: string;
  access: Access | undefined;
  websocket: boolean;
  /** The route's own body limit, where it has one; the app's otherwise. */
  bodyLimit: number | undefined;
  limit: LimitedAction | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its access rule: the authorization tests walk it. */
    routeTable: readonly RouteEntry[];
  }
}

export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;
const MAX_PARAM_LENGTH = 2048;

/**
 * The Parley HTTP API as a Fastify app, not listening: `parley start` listens, tests `inject()`.
 * Every route lives under `/api`, declares its access rule and its schemas (served at `/docs`).
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const events = options.events ?? new EventBus();
  const app = Fastify({
    // Query strings may carry access_token (WebSockets): the logger's request line drops it.
    logger: loggerOptions(options.logger ?? false),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Path parameters are IDs, ARNs and names of up to 2,048 characters (route schemas say so); an
    // ARN is longer than Fastify's default of 100, and what is too long is answered with a code.
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: errorHandler,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  });
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    // The OpenAPI description and its UI are for everyone; they show no data. CORS preflights
    // are answered (or refused) before authentication: browsers send them without a token.
    if (route.url.startsWith('/docs') || (route.method === 'OPTIONS' && route.url === '*'))
      route.config = { ...route.config, access: 'public' };
    if (route.method === 'HEAD' || route.url.startsWith('/docs')) return;
    for (const method of [route.method].flat())
      routeTable.push({
        method,
        url: route.url,
        access: route.config?.access,
        websocket: route.websocket === true,
        bodyLimit: route.bodyLimit,
        limit: route.config?.limit,
      });
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  const authFailures = await registerSecurity(app, {
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    ...(options.rateLimits !== undefined ? { rateLimits: options.rateLimits } : {}),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Parley API',
        version: '1',
        description: "Instances, resources and flows in Amazon Connect's flow language",
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  // Swagger UI's page sets its own policy (staticCSP) on what it serves.
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: cspHeader(DOCS_CSP) });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  registerAuth(app, options.store, events, {
    failures: authFailures,
    tokenUseAuditSeconds: options.tokenUseAuditSeconds ?? DEFAULT_TOKEN_USE_AUDIT_SECONDS,
  });
  app.get('/api/health', { config: { access: 'public' }, schema: { hide: true } }, async () => ({
    ok: true,
    store: options.store.driver,
  }));
  const deps = { store: options.store, events };
  await app.register(instanceRoutes(deps), { prefix: '/api' });
  await app.register(tokenRoutes(deps), { prefix: '/api' });
  await app.register(resourceTypeRoutes(), { prefix: '/api' });
  await app.register(resourceRoutes(), { prefix: '/api/instances/:instance' });
  await app.register(flowRoutes(), { prefix: '/api/instances/:instance' });
  await app.register(transferRoutes(), { prefix: '/api/instances/:instance' });
  await app.register(bundleRoutes(), { prefix: '/api/instances/:instance' });
  await app.register(contactRoutes(), { prefix: '/api/instances/:instance' });
  await app.register(eventRoutes(deps), { prefix: '/api/instances/:instance' });
  await app.register(testCallRoutes(options.testCalls), { prefix: '/api/instances/:instance' });
  await app.register(agentRoutes(options.center, options.centerElsewhere), {
    prefix: '/api/instances/:instance',
  });
  for (const plugin of options.plugins ?? []) await app.register(async (scoped) => plugin(scoped));
  return app;
}
