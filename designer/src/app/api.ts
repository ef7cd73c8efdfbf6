/** The slice of the Parley HTTP API the designer reads. Same origin: `parley start` serves both. */

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
  ) {
    super(message);
  }
}

export interface Api {
  instances(): Promise<Instance[]>;
  flows(instance: string): Promise<FlowSummary[]>;
  /** The flow document as saved (JSON text), latest version. */
  flowContent(instance: string, flow: string): Promise<string>;
}

const segment = encodeURIComponent;

export function createApi(token: string, fetchImpl: typeof fetch = fetch): Api {
  const get = async (path: string): Promise<Response> => {
    const res = await fetchImpl(path, { headers: { authorization: `Bearer ${token}` } });
    if (res.ok) return res;
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(res.status, body.code, body.message ?? `${res.status} ${res.statusText}`);
  };
  return {
    instances: async () =>
      ((await (await get('/api/instances')).json()) as { instances: Instance[] }).instances,
    flows: async (instance) =>
      ((await (await get(`/api/instances/${segment(instance)}/flows`)).json()) as { flows: FlowSummary[] })
        .flows,
    flowContent: async (instance, flow) =>
      (await get(`/api/instances/${segment(instance)}/flows/${segment(flow)}/content`)).text(),
  };
}
