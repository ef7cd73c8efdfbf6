import { type Api, createApi, type FlowSummary, type VersionHistory } from '../app/api.js';

/** The one flow a story's instance ("demo") holds: every saved version has `text`. */
export interface StoryFlow {
  id: string;
  name: string;
  type: string;
  text: string;
  history: VersionHistory;
}

const json = (body: unknown, status = 200) => Response.json(body, { status });

/**
 * An API over one flow in memory, as the pages that open a flow read it: its summary, content
 * (any version), versions, the flows list, and the instance's other lists and contacts, empty.
 * Other flows are not found; what would change the server (saving, publishing, calls) is refused.
 */
export function storyFlowApi(flow: StoryFlow): Api {
  const latest = flow.history.versions[0]?.version ?? 0;
  const published = flow.history.publications[0]?.version ?? null;
  const summary: FlowSummary & { arn: string } = {
    id: flow.id,
    name: flow.name,
    type: flow.type,
    description: '',
    latestVersion: latest,
    publishedVersion: published,
    arn: `arn:aws:connect:us-east-1:000000000000:instance/demo/contact-flow/${flow.id}`,
  };
  const base = `/api/instances/demo/flows/${encodeURIComponent(flow.id)}`;
  const answer = (method: string, url: URL): Response => {
    if (method !== 'GET') return json({ code: 'API_UNAUTHORIZED', message: 'a story has no server' }, 401);
    if (url.pathname === base) return json(summary);
    if (url.pathname === `${base}/content`) {
      const version = Number(url.searchParams.get('version') ?? latest);
      return new Response(flow.text, { headers: { 'x-parley-version': String(version) } });
    }
    if (url.pathname === `${base}/versions`) return json(flow.history);
    if (url.pathname === '/api/instances/demo/flows') return json({ flows: [summary] });
    if (url.pathname === '/api/instances/demo/contacts') return json({ contacts: [] });
    // The instance's other lists: none of anything.
    if (/^\/api\/instances\/demo\/[^/]+$/.test(url.pathname)) return json({});
    return json({ code: 'API_NOT_FOUND', message: `${url.pathname} is not in this story` }, 404);
  };
  return createApi('story', (async (path: string, init?: RequestInit) =>
    answer(init?.method ?? 'GET', new URL(path, 'http://story'))) as typeof fetch);
}
