import { STATUS_CODES } from 'node:http';
import { type AriResponse, OPERATIONS, type OperationSpec } from '@parley/ari';
import type { AriUser } from '../config.js';
import type { Faults } from '../faults.js';
import type { Core } from '../model/core.js';
import { type Failure, isFailure } from '../model/failure.js';
import { type ParamValue, parseParams } from './params.js';

export type OperationId = keyof typeof OPERATIONS;

/** What a handler answers: JSON with a status, no content, raw bytes, or an ARI error. */
export type Reply =
  | { status: number; json: unknown }
  | { status: 204 }
  | { status: number; bytes: Uint8Array; contentType: string }
  | Failure;

export class RestContext {
  constructor(
    readonly core: Core,
    readonly spec: OperationSpec,
    readonly params: Map<string, ParamValue>,
    readonly body: Record<string, unknown> | undefined,
    readonly user: AriUser,
    /** Told about every parameter a handler reads that the operation does not have. */
    readonly onUnknown: (name: string) => void = () => {},
  ) {}

  #get(name: string): ParamValue | undefined {
    if (!this.spec.params.some((p) => p.name === name)) this.onUnknown(name);
    return this.params.get(name);
  }

  str(name: string): string | undefined {
    const v = this.#get(name);
    return typeof v === 'string' ? v : Array.isArray(v) ? v.join(',') : undefined;
  }

  int(name: string): number | undefined {
    const v = this.#get(name);
    return typeof v === 'number' ? v : undefined;
  }

  bool(name: string): boolean {
    return this.#get(name) === true;
  }

  list(name: string): string[] {
    const v = this.#get(name);
    return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  }
}

export type Handler = (ctx: RestContext) => Reply | Promise<Reply>;
export type HandlerTable = Partial<Record<OperationId, Handler>>;

export const ok = (json: unknown): Reply => ({ status: 200, json });
export const noContent = (): Reply => ({ status: 204 });

interface Route {
  id: OperationId;
  spec: OperationSpec;
  segments: string[];
  literals: number;
}

const routes: Route[] = (Object.entries(OPERATIONS) as [OperationId, OperationSpec][]).map(([id, spec]) => {
  const segments = spec.path.split('/').filter(Boolean);
  return { id, spec, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
});

/** Routes by segment count and first segment, most literal first: a request tries only its own. */
const routesByShape = new Map<string, Route[]>();
for (const route of [...routes].sort((a, b) => b.literals - a.literals)) {
  const key = `${route.segments.length}/${route.segments[0] ?? ''}`;
  routesByShape.set(key, [...(routesByShape.get(key) ?? []), route]);
}

function match(route: Route, parts: string[]): Record<string, string> | undefined {
  if (route.segments.length !== parts.length) return undefined;
  // Literal segments first: most routes of a shape fail on one, before any parameter is decoded.
  for (let i = 0; i < parts.length; i++) {
    const seg = route.segments[i] ?? '';
    if (seg[0] !== '{' && seg !== parts[i]) return undefined;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const seg = route.segments[i] ?? '';
    if (seg[0] === '{') params[seg.slice(1, -1)] = decodeURIComponent(parts[i] ?? '');
  }
  return params;
}

export interface RouterRequest {
  method: string;
  /** Below `/ari`, still percent-encoded. */
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | undefined;
  user: AriUser;
}

function json(status: number, value: unknown): AriResponse {
  return { status, body: JSON.stringify(value), contentType: 'application/json' };
}

export function failureResponse(failure: Failure): AriResponse {
  return json(failure.status, failure.toJson());
}

/**
 * res_ari's dispatch: the path picks a swagger operation (literal segments beat `{params}`, so
 * `/channels/create` is not an originate with id "create"), an unknown path is 404 and a known one
 * with the wrong method 405. Every route served is one of Asterisk's operations.
 */
export class Router {
  /** `operation:param` for every parameter a handler read that Asterisk's swagger does not define. */
  readonly unknownParams = new Set<string>();

  constructor(
    readonly core: Core,
    readonly handlers: HandlerTable,
    readonly extra: (path: string) => AriResponse | undefined,
    /** Injected failures (`AriSim.faults`); a request a rule takes fails, hangs or loses its answer. */
    readonly faults?: Faults,
  ) {}

  async handle(req: RouterRequest): Promise<AriResponse> {
    const special = req.method === 'GET' ? this.extra(req.path) : undefined;
    if (special) return special;
    const parts = req.path.split('?')[0]?.split('/').filter(Boolean) ?? [];
    const candidates = (routesByShape.get(`${parts.length}/${parts[0] ?? ''}`) ?? [])
      .map((route) => ({ route, params: match(route, parts) }))
      .filter((c): c is { route: Route; params: Record<string, string> } => c.params !== undefined);
    if (candidates.length === 0) return json(404, { message: 'Resource not found' });
    const chosen = candidates.find((c) => c.route.spec.method === req.method);
    if (!chosen) return json(405, { message: 'Invalid method' });
    const faults = this.faults;
    const fault = faults?.take(chosen.route.id, req.user.username);
    if (fault && 'status' in fault)
      return json(fault.status, { message: fault.message ?? STATUS_CODES[fault.status] ?? 'Error' });
    if (faults && fault && 'hang' in fault) return faults.never();
    if (req.user.readOnly && req.method !== 'GET') return json(403, { message: 'Write access denied' });
    const handler = this.handlers[chosen.route.id];
    if (!handler) return json(501, { message: `${chosen.route.id} is not implemented by ari-sim` });
    const params = parseParams(chosen.route.spec.params, {
      path: chosen.params,
      query: req.query,
      body: req.body,
    });
    const id = chosen.route.id;
    const ctx = new RestContext(this.core, chosen.route.spec, params, req.body, req.user, (name) =>
      this.unknownParams.add(`${id}:${name}`),
    );
    const reply = await handler(ctx);
    if (faults && fault && 'loseAnswer' in fault) return faults.never();
    return toResponse(reply);
  }
}

function toResponse(reply: Reply): AriResponse {
  if (isFailure(reply)) return failureResponse(reply);
  if ('bytes' in reply) return { status: reply.status, body: reply.bytes, contentType: reply.contentType };
  if ('json' in reply) return json(reply.status, reply.json);
  return { status: 204, body: '' };
}

export function supportedOperations(handlers: HandlerTable): OperationId[] {
  return (Object.keys(handlers) as OperationId[]).filter((id) => handlers[id] !== undefined);
}
