import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { notFound, Problem } from '../../services/problem.js';
import { checkDraft } from '../../testcalls/draft.js';
import type { TestCallHandle, TestCallRequest, TestCallService } from '../../testcalls/types.js';
import { scopeOf } from '../auth.js';
import { instanceParams, problemSchema, withParams } from './shared.js';

const callParams = withParams({ id: { type: 'string', maxLength: 64 } });
const audioParams = withParams({ id: { type: 'string', maxLength: 64 }, n: { type: 'integer', minimum: 0 } });

/**
 * Test calls of a draft (runtime/src/testcalls): placed, followed over a WebSocket, given keys and
 * words, hung up. Every route is an author's: a test call rings through the server's telephony.
 * Without telephony (`service` absent) each answers TESTCALL_UNAVAILABLE.
 */
export const testCallRoutes = (service: TestCallService | undefined) => async (app: FastifyInstance) => {
  const available = (): TestCallService => {
    if (!service) throw new Problem('TESTCALL_UNAVAILABLE', 'this server was started without telephony');
    return service;
  };
  const callOf = (instanceId: string, id: string): TestCallHandle => {
    const call = available().get(instanceId, id);
    if (!call) throw notFound(`test call ${id}`);
    return call;
  };

  app.post<{ Body: TestCallRequest }>(
    '/test-calls',
    {
      config: { access: 'write' },
      schema: {
        description:
          'Calls the posted draft (unsaved edits included) through the harness; the draft must pass the publish checks. Follow it at `/test-calls/:id/events`.',
        params: instanceParams,
        body: {
          type: 'object',
          required: ['content', 'flowType'],
          additionalProperties: false,
          properties: {
            flowId: { type: 'string', maxLength: 128 },
            content: { type: 'string', maxLength: 3 * 1024 * 1024 },
            flowType: { type: 'string', maxLength: 64 },
            from: { type: 'string', pattern: '^\\+?[0-9 ()-]{3,20}$' },
          },
        },
        response: { 422: problemSchema, 503: problemSchema },
      },
    },
    async (request, reply) => {
      // The draft's problems are worth telling even where no call could be placed.
      if (!service) await checkDraft(scopeOf(request), request.body);
      const info = await available().start(scopeOf(request), request.body);
      return reply.status(201).send(info);
    },
  );

  app.get<{ Params: { instance: string; id: string } }>(
    '/test-calls/:id',
    { config: { access: 'write' }, schema: { params: callParams } },
    async (request) => {
      const scope = scopeOf(request);
      return callOf(scope.instance.id, request.params.id).info();
    },
  );

  app.get<{ Params: { instance: string; id: string } }>(
    '/test-calls/:id/events',
    {
      websocket: true,
      config: { access: 'write' },
      schema: {
        description:
          'The call as it happens, one JSON message each (runtime/src/testcalls/types.ts); closing it hangs up.',
        params: callParams,
      },
    },
    (socket, request) => {
      const scope = scopeOf(request);
      const call = service?.get(scope.instance.id, request.params.id);
      if (!call) {
        socket.close(4404, 'no such test call');
        return;
      }
      const unsubscribe = call.subscribe((message) => socket.send(JSON.stringify(message)));
      const closed = () => {
        unsubscribe();
        // Nobody is listening any more: the call would ring on for no one.
        void call.hangup('socket closed');
      };
      socket.on('close', closed);
      socket.on('error', closed);
    },
  );

  app.post<{ Params: { instance: string; id: string }; Body: { digits: string } }>(
    '/test-calls/:id/dtmf',
    {
      config: { access: 'write' },
      schema: {
        params: callParams,
        body: {
          type: 'object',
          required: ['digits'],
          additionalProperties: false,
          properties: { digits: { type: 'string', pattern: '^[0-9*#A-D]{1,32}$' } },
        },
      },
    },
    async (request, reply) => {
      await callOf(scopeOf(request).instance.id, request.params.id).dtmf(request.body.digits);
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { instance: string; id: string }; Body: { text: string } }>(
    '/test-calls/:id/speech',
    {
      config: { access: 'write' },
      schema: {
        params: callParams,
        body: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: { text: { type: 'string', minLength: 1, maxLength: 1000 } },
        },
      },
    },
    async (request, reply) => {
      await callOf(scopeOf(request).instance.id, request.params.id).speech(request.body.text);
      return reply.status(204).send();
    },
  );

  app.delete<{ Params: { instance: string; id: string } }>(
    '/test-calls/:id',
    { config: { access: 'write' }, schema: { params: callParams } },
    async (request, reply) => {
      await callOf(scopeOf(request).instance.id, request.params.id).hangup();
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { instance: string; id: string; n: number } }>(
    '/test-calls/:id/audio/:n',
    {
      config: { access: 'write' },
      schema: { description: 'A prompt the call played, as WAV.', params: audioParams },
    },
    async (request, reply) => {
      const { id, n } = request.params;
      const file = callOf(scopeOf(request).instance.id, id).audioFile(n);
      const size =
        file === undefined
          ? undefined
          : await stat(file).then(
              (s) => s.size,
              () => undefined,
            );
      if (file === undefined || size === undefined) throw notFound(`audio ${n} of test call ${id}`);
      return reply
        .type('audio/wav')
        .header('content-length', size)
        .header('cache-control', 'private, max-age=600')
        .send(createReadStream(file));
    },
  );
};
