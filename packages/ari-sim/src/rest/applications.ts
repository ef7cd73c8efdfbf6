import type { SimApp } from '../model/apps.js';
import type { Core } from '../model/core.js';
import { type Failure, fail, isFailure } from '../model/failure.js';
import { type HandlerTable, ok, type Reply, type RestContext } from './router.js';

type Source = { kind: 'channel' | 'bridge' | 'endpoint' | 'deviceState'; id: string };

/** `channel:<id>`, `bridge:<id>`, `endpoint:<tech>/<resource>`, `deviceState:<name>`. */
function parseSource(core: Core, uri: string): Source | Failure {
  const colon = uri.indexOf(':');
  const kind = uri.slice(0, colon);
  const id = uri.slice(colon + 1);
  if (colon < 0 || !['channel', 'bridge', 'endpoint', 'deviceState'].includes(kind)) {
    return fail(400, `Invalid scheme for event source ${uri}`);
  }
  if (kind === 'channel' && !core.channels.has(id)) return fail(422, 'Event source does not exist');
  if (kind === 'bridge' && !core.bridges.has(id)) return fail(422, 'Event source does not exist');
  if (kind === 'endpoint') return fail(422, 'Event source does not exist');
  return { kind: kind as Source['kind'], id };
}

function subscription(subscribe: boolean) {
  return (ctx: RestContext): Reply => {
    const uris = ctx.list('eventSource').filter(Boolean);
    if (uris.length === 0) return fail(400, 'Missing parameter eventSource');
    const name = ctx.str('applicationName') ?? '';
    const app = ctx.core.apps.get(name);
    if (!app) return fail(404, 'Application not found');
    const sources: Source[] = [];
    for (const uri of uris) {
      const source = parseSource(ctx.core, uri);
      if (isFailure(source)) return source;
      sources.push(source);
    }
    for (const { kind, id } of sources) {
      if (kind === 'channel') {
        if (subscribe) ctx.core.apps.subscribeChannel(name, id);
        else if (!app.channels.has(id)) return fail(409, 'Application not subscribed to event source');
        else ctx.core.apps.unsubscribeChannel(name, id);
      } else if (kind === 'bridge') {
        if (subscribe) ctx.core.apps.subscribeBridge(name, id);
        else if (!app.bridges.has(id)) return fail(409, 'Application not subscribed to event source');
        else ctx.core.apps.unsubscribeBridge(name, id);
      } else if (subscribe) app.devices.add(id);
      else if (!app.devices.delete(id)) return fail(409, 'Application not subscribed to event source');
    }
    return ok((ctx.core.apps.get(name) ?? app).toJson());
  };
}

function filterList(value: unknown): { type: string }[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  const out: { type: string }[] = [];
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null || typeof (entry as { type?: unknown }).type !== 'string')
      return undefined;
    out.push({ type: (entry as { type: string }).type });
  }
  return out;
}

export const applicationHandlers: HandlerTable = {
  'applications.list': (ctx) => ok(ctx.core.apps.list().map((a: SimApp) => a.toJson())),
  'applications.get': (ctx) => {
    const app = ctx.core.apps.get(ctx.str('applicationName') ?? '');
    return app ? ok(app.toJson()) : fail(404, 'Application not found');
  },
  'applications.subscribe': subscription(true),
  'applications.unsubscribe': subscription(false),
  'applications.filter': (ctx) => {
    const app = ctx.core.apps.get(ctx.str('applicationName') ?? '');
    if (!app) return fail(404, 'Application not found');
    const allowed = filterList(ctx.body?.allowed);
    const disallowed = filterList(ctx.body?.disallowed);
    if (!allowed || !disallowed) return fail(400, 'Invalid format definition');
    app.allowed = allowed;
    app.disallowed = disallowed;
    return ok(app.toJson());
  },
};
