import { type Api, ApiError } from '../app/api.js';
import { quickConnects } from './sample.js';
import type { AgentState } from './types.js';

const absent = async (): Promise<never> => {
  throw new ApiError(404, 'API_NOT_FOUND', 'not in this stand-in');
};

/**
 * The agent API as a story or a test sees it: every agent request answers `agent` (or the refusal
 * given); the event socket stays silent, as no contact center runs behind it.
 */
export function agentApi(answer: AgentState | ApiError): Api {
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  return {
    instances: absent,
    flows: absent,
    flow: absent,
    flowContent: absent,
    versions: absent,
    createFlow: absent,
    saveVersion: absent,
    publish: absent,
    resources: absent,
    async send(_method, path) {
      if (answer instanceof ApiError) throw answer;
      if (path.endsWith('/agent/quick-connects')) return json({ quickConnects });
      if (path.includes('/agent')) return json(answer);
      return absent();
    },
    socket: () => ({ close() {}, onmessage: null, onclose: null, onopen: null }) as unknown as WebSocket,
  };
}
