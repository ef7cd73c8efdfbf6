import type { FastifyInstance } from 'fastify';
import { maskSecrets, RESOURCE_TYPES, type ResourceType } from '../../resources/index.js';
import { notFound, Problem } from '../../services/problem.js';
import {
  deleteResource,
  entryOf,
  getResource,
  putResource,
  uploadPromptAudio,
} from '../../services/resources.js';
import { mayWrite, scopeOf } from '../auth.js';
import { instanceParams, withParams } from './shared.js';

const idParams = withParams({ id: { type: 'string', maxLength: 2048, description: 'ID, ARN or name' } });
type IdParams = { instance: string; id: string };

export const PROMPT_AUDIO_LIMIT = 16 * 1024 * 1024;

/** One route set per resource kind, from the kinds' declarative descriptions. */
function routesFor(app: FastifyInstance, type: ResourceType): void {
  const base = `/${type.path}`;
  const tags = [type.title];
  app.get(base, { config: { access: 'read' }, schema: { tags, params: instanceParams } }, async (request) => {
    const scope = scopeOf(request);
    const entries = (await scope.store.catalog.resources(scope.instance.id, type.kind)).map(entryOf);
    return { [type.collection]: mayWrite(request) ? entries : entries.map((e) => maskSecrets(type, e)) };
  });
  app.post(
    base,
    { config: { access: 'write' }, schema: { tags, params: instanceParams, body: type.schema } },
    async (request, reply) =>
      reply.status(201).send(await putResource(scopeOf(request), type.kind, request.body)),
  );
  app.get<{ Params: IdParams }>(
    `${base}/:id`,
    { config: { access: 'read' }, schema: { tags, params: idParams } },
    async (request) => {
      const entry = await getResource(scopeOf(request), type.kind, request.params.id);
      return mayWrite(request) ? entry : maskSecrets(type, entry);
    },
  );
  app.put<{ Params: IdParams }>(
    `${base}/:id`,
    { config: { access: 'write' }, schema: { tags, params: idParams, body: type.schema } },
    async (request) => {
      const existing = await getResource(scopeOf(request), type.kind, request.params.id);
      return putResource(scopeOf(request), type.kind, request.body, existing.id);
    },
  );
  app.delete<{ Params: IdParams }>(
    `${base}/:id`,
    { config: { access: 'write' }, schema: { tags, params: idParams } },
    async (request, reply) => {
      await deleteResource(scopeOf(request), type.kind, request.params.id);
      return reply.status(204).send();
    },
  );
}

/** Uploaded prompt audio: an 8 kHz WAV, checked before it is kept. */
async function promptAudioRoutes(app: FastifyInstance): Promise<void> {
  app.addContentTypeParser(
    ['audio/wav', 'audio/x-wav', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: PROMPT_AUDIO_LIMIT },
    (_req, body, done) => done(null, body),
  );
  app.put<{ Params: IdParams; Body: Buffer }>(
    '/prompts/:id/audio',
    {
      config: { access: 'write' },
      bodyLimit: PROMPT_AUDIO_LIMIT,
      schema: { tags: ['Prompt'], params: idParams, consumes: ['audio/wav'] },
    },
    async (request) => {
      // Another type's parser (JSON) hands over a value, not bytes: a number there would become
      // that many zero bytes, or a RangeError past 2^32, and an array of numbers a file.
      if (!Buffer.isBuffer(request.body))
        throw new Problem(
          'API_REQUEST_INVALID',
          `prompt audio is a WAV file sent as audio/wav or application/octet-stream, not ${request.headers['content-type'] ?? 'without a type'}`,
        );
      return uploadPromptAudio(scopeOf(request), request.params.id, new Uint8Array(request.body));
    },
  );
  app.get<{ Params: IdParams }>(
    '/prompts/:id/audio',
    { config: { access: 'read' }, schema: { tags: ['Prompt'], params: idParams } },
    async (request, reply) => {
      const scope = scopeOf(request);
      const prompt = await getResource(scope, 'prompt', request.params.id);
      const bytes = await scope.store.catalog.promptAudio(scope.instance.id, prompt.id);
      if (!bytes) throw notFound(`audio of prompt ${prompt.name}`);
      return reply.type('audio/wav').send(Buffer.from(bytes));
    },
  );
}

export const resourceRoutes = () => async (app: FastifyInstance) => {
  for (const type of RESOURCE_TYPES) routesFor(app, type);
  await app.register(promptAudioRoutes);
};
