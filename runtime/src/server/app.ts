import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { CenterLookup } from '../agents/types.js';
import { EventBus } from '../services/events.js';
import type { Store } from '../store/index.js';
import type { TestCallService } from '../testcalls/types.js';
import { type Access, registerAuth } from './auth.js';
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

export interface AppOptions {
  store: Store;
  events?: EventBus;
  /** Fastify's logger (pino); off unless given. Authorization headers and tokens are redacted. */
  logger?: FastifyServerOptions['logger'];
  /** Largest JSON body in bytes; flows are at most 2 MB of JSON, escaped inside a request. */
  bodyLimit?: number;
  /** Extra plugins (the designer's static files, telephony routes) registered after the API. */
  plugins?: ((app: FastifyInstance) => Promise<void> | void)[];
  /** Test calls of drafts; without telephony their routes answer TESTCALL_UNAVAILABLE. */
  testCalls?: TestCallService;
  /** Each instance's contact center, for the agent API; without one its routes answer AGENT_UNAVAILABLE. */
  center?: CenterLookup;
}

export interface RouteEntry {
  method: string;
  url: string;
  access: Access | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its access rule: the authorization tests walk it. */
    routeTable: readonly RouteEntry[];
  }
}

export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;

/**
 * The Parley HTTP API as a Fastify app, not listening: `parley start` listens, tests `inject()`.
 * Every route lives under `/api`, declares its access rule and its schemas (served at `/docs`).
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const events = options.events ?? new EventBus();
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    // Query strings may carry access_token (WebSockets): never log them.
  });
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    // The OpenAPI description and its UI are for everyone; they show no data.
    if (route.url.startsWith('/docs')) route.config = { ...route.config, access: 'public' };
    if (route.method === 'HEAD' || route.url.startsWith('/docs')) return;
    for (const method of [route.method].flat())
      routeTable.push({ method, url: route.url, access: route.config?.access });
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
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
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  registerAuth(app, options.store, events);
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
  await app.register(agentRoutes(options.center), { prefix: '/api/instances/:instance' });
  for (const plugin of options.plugins ?? []) await app.register(async (scoped) => plugin(scoped));
  return app;
}
