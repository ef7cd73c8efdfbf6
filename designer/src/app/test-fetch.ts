/** A fetch for tests of API clients: records each request and answers from `METHOD path` → response. */
export function fakeFetch(answers: Record<string, () => Response>) {
  const calls: { path: string; init: RequestInit | undefined }[] = [];
  const impl = (async (path: string, init?: RequestInit) => {
    calls.push({ path, init });
    const answer = answers[`${init?.method ?? 'GET'} ${path}`];
    return answer ? answer() : Response.json({ code: 'API_NOT_FOUND', message: 'no route' }, { status: 404 });
  }) as typeof fetch;
  return { impl, calls };
}
