import { createApi } from '../app/api.js';

/** An API whose every request is refused: stories that take an Api make no requests until clicked. */
export const storyApi = createApi('story', (async () =>
  Response.json(
    { code: 'API_UNAUTHORIZED', message: 'a story has no server' },
    { status: 401 },
  )) as typeof fetch);
