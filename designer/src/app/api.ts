/** The slice of the Parley HTTP API the designer uses. Same origin: `parley start` serves both. */

import type { Diagnostic } from '@parley/flow';

export interface Instance {
  id: string;
  alias: string;
  arn: string;
}

export interface FlowSummary {
  id: string;
  name: string;
  type: string;
  description: string;
  latestVersion: number;
  publishedVersion: number | null;
}

/** A refused request, with the API's error code (`API_UNAUTHORIZED`, `API_NOT_FOUND`, …). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    /** The rest of the error body: `diagnostics` (a publish report), `latestVersion` (a conflict)… */
    readonly body: ErrorBody = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  code?: string;
  message?: string;
  diagnostics?: Diagnostic[];
  latestVersion?: number;
}

/** A saved version as the API lists it. */
export interface VersionSummary {
  version: number;
  hash: string;
  author: string;
  message: string;
  errors: number;
  warnings: number;
  createdAt: string;
}

export interface SaveResult {
  flow: FlowSummary;
  version: VersionSummary;
  /** The content equalled the latest version's: no new version was made. */
  unchanged: boolean;
  diagnostics: Diagnostic[];
}

/** Who published which version when, newest first: the first is the one contacts run. */
export interface Publication {
  version: number;
  action: 'publish' | 'rollback';
  actor: string;
  at: string;
}

/** A flow's saved versions, newest first, and its publications. */
export interface VersionHistory {
  versions: VersionSummary[];
  publications: Publication[];
}

/** A flow's latest version: its JSON text and number; no text when the flow has no version yet. */
export interface FlowContent {
  text: string | undefined;
  version: number;
}

export interface Api {
  instances(): Promise<Instance[]>;
  flows(instance: string): Promise<FlowSummary[]>;
  flow(instance: string, flow: string): Promise<FlowSummary>;
  /** The flow document as saved (JSON text), latest version or the one asked for. */
  flowContent(instance: string, flow: string, version?: number): Promise<FlowContent>;
  versions(instance: string, flow: string): Promise<VersionHistory>;
  /** Creates a flow, with a first version when `content` is given. */
  createFlow(
    instance: string,
    input: { name: string; type: string; content?: object; message?: string },
  ): Promise<FlowSummary>;
  /** Saves the next version; refused with STORE_VERSION_CONFLICT when `baseVersion` is not the latest. */
  saveVersion(
    instance: string,
    flow: string,
    input: { content: string; message: string; baseVersion: number },
  ): Promise<SaveResult>;
  /**
   * Publishes the latest version, or an older one (a rollback); refused with PUBLISH_HAS_ERRORS and
   * the report's diagnostics.
   */
  publish(instance: string, flow: string, version?: number): Promise<{ flow: FlowSummary; version: number }>;
  /** One of the instance's resource lists as the API answers it (`queues`, `hours-of-operation`, `flows`…). */
  resources(instance: string, path: string): Promise<unknown>;
  /**
   * Any other request below `/api` (`path` starts with `/api/`): a JSON body, or bytes as a Blob
   * sent with the Blob's type. The response when it is a success; refusals throw ApiError.
   */
  send(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: object | Blob): Promise<Response>;
  /**
   * A WebSocket to a route below `/api` on this page's host. Browsers send no headers on one, so
   * the token goes in the query. Optional: stand-in APIs of tests and stories have none.
   */
  socket?(path: string): WebSocket;
}

const segment = encodeURIComponent;

export function createApi(token: string, fetchImpl: typeof fetch = fetch): Api {
  const request = async (path: string, body?: object | Blob, method?: string): Promise<Response> => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    const bytes = body instanceof Blob;
    if (body) headers['content-type'] = bytes ? body.type || 'application/octet-stream' : 'application/json';
    const res = await fetchImpl(
      path,
      body
        ? { method: method ?? 'POST', headers, body: bytes ? body : JSON.stringify(body) }
        : method && method !== 'GET'
          ? { method, headers }
          : { headers },
    );
    if (res.ok) return res;
    const error = (await res.json().catch(() => ({}))) as ErrorBody;
    throw new ApiError(res.status, error.code, error.message ?? `${res.status} ${res.statusText}`, error);
  };
  const json = async <T>(path: string, body?: object): Promise<T> =>
    (await (await request(path, body)).json()) as T;
  const flowPath = (instance: string, flow: string) =>
    `/api/instances/${segment(instance)}/flows/${segment(flow)}`;
  return {
    instances: async () => (await json<{ instances: Instance[] }>('/api/instances')).instances,
    flows: async (instance) =>
      (await json<{ flows: FlowSummary[] }>(`/api/instances/${segment(instance)}/flows`)).flows,
    flow: (instance, flow) => json<FlowSummary>(flowPath(instance, flow)),
    async flowContent(instance, flow, version) {
      try {
        const res = await request(
          `${flowPath(instance, flow)}/content${version ? `?version=${version}` : ''}`,
        );
        return { text: await res.text(), version: Number(res.headers.get('x-parley-version') ?? 0) };
      } catch (e) {
        // A flow created without content has no version to open yet: it opens empty.
        if (e instanceof ApiError && e.code === 'PUBLISH_VERSION_UNKNOWN')
          return { text: undefined, version: 0 };
        throw e;
      }
    },
    createFlow: async (instance, input) => {
      const created = await json<{ flow: FlowSummary }>(`/api/instances/${segment(instance)}/flows`, input);
      return created.flow;
    },
    saveVersion: (instance, flow, input) => json<SaveResult>(`${flowPath(instance, flow)}/versions`, input),
    versions: (instance, flow) => json<VersionHistory>(`${flowPath(instance, flow)}/versions`),
    publish: (instance, flow, version) =>
      json(`${flowPath(instance, flow)}/publish`, version === undefined ? {} : { version }),
    resources: (instance, path) => json(`/api/instances/${segment(instance)}/${segment(path)}`),
    send: (method, path, body) => request(path, body, method),
    socket(path) {
      const url = new URL(path, location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.searchParams.set('access_token', token);
      return new WebSocket(url);
    },
  };
}
