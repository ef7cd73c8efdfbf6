import { describe, expect, it } from 'vitest';
import { ApiError, createApi } from '../app/api.js';
import { draftOf } from './draft.js';
import { FormProblems, saveResource } from './saveResource.js';
import { formOf } from './schemaForm.js';
import { typeAt } from './test-types.js';

const PROMPTS = '/api/instances/demo/prompts';

/** A fetch that records `METHOD path body` and answers from a table. */
function server(answers: Record<string, (body: unknown) => Response>) {
  const calls: [string, unknown][] = [];
  const impl = (async (path: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${path}`;
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    calls.push([key, body instanceof Blob ? 'bytes' : body]);
    const answer = answers[key];
    return answer ? answer(body) : Response.json({ code: 'API_NOT_FOUND', message: key }, { status: 404 });
  }) as typeof fetch;
  return { api: createApi('t', impl), calls };
}

const prompt = formOf(typeAt('prompts'));
const queue = formOf(typeAt('queues'));
const wav = new Blob(['RIFF'], { type: 'audio/wav' });

describe('saving a resource from its form', () => {
  it('creates an entry with the body the form gives', async () => {
    const { api, calls } = server({
      'POST /api/instances/demo/queues': (b) => Response.json({ id: 'q', ...(b as object) }),
    });
    const draft = draftOf(queue);
    draft.values.name = 'Sales';
    await saveResource(api, 'demo', typeAt('queues'), queue, draft);
    expect(calls).toEqual([['POST /api/instances/demo/queues', { name: 'Sales' }]]);
  });

  it('updates an entry by its ID', async () => {
    const { api, calls } = server({ 'PUT /api/instances/demo/queues/q-1': (b) => Response.json(b) });
    const entry = { id: 'q-1', arn: 'arn:q', name: 'Sales' };
    const draft = draftOf(queue, entry);
    draft.values.name = 'Sales EU';
    await saveResource(api, 'demo', typeAt('queues'), queue, draft, entry);
    expect(calls).toEqual([['PUT /api/instances/demo/queues/q-1', { name: 'Sales EU' }]]);
  });

  it('creates a prompt with a spoken placeholder, then uploads its WAV', async () => {
    const { api, calls } = server({
      [`POST ${PROMPTS}`]: () => Response.json({ id: 'p-1', arn: 'arn:p', name: 'Hello' }),
      [`PUT ${PROMPTS}/p-1/audio`]: () =>
        Response.json({ id: 'p-1', arn: 'arn:p', name: 'Hello', audio: {} }),
    });
    const draft = draftOf(prompt);
    draft.values.name = 'Hello';
    draft.values.audio = wav;
    draft.chosen = 'audio';
    await saveResource(api, 'demo', typeAt('prompts'), prompt, draft);
    expect(calls).toEqual([
      [`POST ${PROMPTS}`, { name: 'Hello', text: 'Audio of Hello is being uploaded' }],
      [`PUT ${PROMPTS}/p-1/audio`, 'bytes'],
    ]);
  });

  it('deletes a new prompt again when its audio is refused, and says why with the code', async () => {
    const { api, calls } = server({
      [`POST ${PROMPTS}`]: () => Response.json({ id: 'p-1', arn: 'arn:p', name: 'Hello' }),
      [`PUT ${PROMPTS}/p-1/audio`]: () =>
        Response.json({ code: 'RESOURCE_AUDIO_INVALID', message: 'not 8 kHz' }, { status: 400 }),
      [`DELETE ${PROMPTS}/p-1`]: () => new Response(null, { status: 204 }),
    });
    const draft = draftOf(prompt);
    draft.values = { ...draft.values, name: 'Hello', audio: wav };
    draft.chosen = 'audio';
    const refused = await saveResource(api, 'demo', typeAt('prompts'), prompt, draft).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('RESOURCE_AUDIO_INVALID');
    expect(calls.map(([k]) => k)).toEqual([
      `POST ${PROMPTS}`,
      `PUT ${PROMPTS}/p-1/audio`,
      `DELETE ${PROMPTS}/p-1`,
    ]);
  });

  it('sends nothing when an input cannot be read', async () => {
    const { api, calls } = server({});
    const draft = draftOf(queue);
    draft.values.maxContacts = 'lots';
    await expect(saveResource(api, 'demo', typeAt('queues'), queue, draft)).rejects.toBeInstanceOf(
      FormProblems,
    );
    expect(calls).toEqual([]);
  });
});
