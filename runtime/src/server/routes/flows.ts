import type { FastifyInstance } from 'fastify';
import { createFlow, flowOrThrow, publish, saveVersion, versionContent } from '../../services/flows.js';
import { notFound } from '../../services/problem.js';
import { scopeOf } from '../auth.js';
import { instanceParams, withParams } from './shared.js';

const flowParams = withParams({
  flow: { type: 'string', maxLength: 512, description: 'Flow ID, ARN or name' },
});
const versionParams = withParams({
  flow: { type: 'string', maxLength: 512 },
  version: { type: 'integer', minimum: 1 },
});
/** Connect's `Content` is a JSON string; a document object is accepted too. */
const content = { anyOf: [{ type: 'string', maxLength: 4_000_000 }, { type: 'object' }] } as const;

type FlowParams = { instance: string; flow: string };
type SaveBody = { content: string | object; message?: string; baseVersion?: number };
const asContent = (c: string | object) => (typeof c === 'string' ? c : { json: c });

/** Flows, their immutable versions, publishing and rollback. */
export const flowRoutes = () => async (app: FastifyInstance) => {
  app.get<{ Querystring: { type?: string } }>(
    '/flows',
    {
      config: { access: 'read' },
      schema: {
        params: instanceParams,
        querystring: { type: 'object', properties: { type: { type: 'string' } } },
      },
    },
    async (request) => ({
      flows: await scopeOf(request).store.flows.list(scopeOf(request).instance.id, request.query.type),
    }),
  );

  app.post<{ Body: { name: string; type: string; description?: string } & Partial<SaveBody> }>(
    '/flows',
    {
      config: { access: 'write' },
      schema: {
        params: instanceParams,
        body: {
          type: 'object',
          required: ['name', 'type'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 127 },
            type: { type: 'string' },
            description: { type: 'string', maxLength: 500 },
            content,
            message: { type: 'string', maxLength: 1000 },
          },
        },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { content: body, message, ...meta } = request.body;
      const flow = await scope.store.transaction(async (tx) => {
        const txScope = { ...scope, store: tx };
        const created = await createFlow(txScope, meta);
        if (body === undefined) return { flow: created };
        const saved = await saveVersion(txScope, created.id, {
          content: asContent(body),
          ...(message ? { message } : {}),
        });
        return { flow: saved.flow, version: saved.version, diagnostics: saved.diagnostics };
      });
      return reply.status(201).send(flow);
    },
  );

  app.get<{ Params: FlowParams }>(
    '/flows/:flow',
    { config: { access: 'read' }, schema: { params: flowParams } },
    async (request) => {
      const scope = scopeOf(request);
      return flowOrThrow(scope.store, scope.instance.id, request.params.flow);
    },
  );

  app.patch<{ Params: FlowParams; Body: { name?: string; description?: string } }>(
    '/flows/:flow',
    {
      config: { access: 'write' },
      schema: {
        params: flowParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 127 },
            description: { type: 'string', maxLength: 500 },
          },
        },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const flow = await flowOrThrow(scope.store, scope.instance.id, request.params.flow);
      return scope.store.transaction(async (tx) => {
        const updated = await tx.flows.update(scope.instance.id, flow.id, request.body);
        if (!updated) throw notFound('flow');
        await tx.access.audit({
          instanceId: scope.instance.id,
          actor: scope.actor.id,
          action: 'flow.update',
          target: flow.id,
          detail: { ...request.body },
        });
        return updated;
      });
    },
  );

  app.delete<{ Params: FlowParams }>(
    '/flows/:flow',
    { config: { access: 'write' }, schema: { params: flowParams } },
    async (request, reply) => {
      const scope = scopeOf(request);
      const flow = await flowOrThrow(scope.store, scope.instance.id, request.params.flow);
      await scope.store.transaction(async (tx) => {
        await tx.flows.delete(scope.instance.id, flow.id);
        await tx.access.audit({
          instanceId: scope.instance.id,
          actor: scope.actor.id,
          action: 'flow.delete',
          target: flow.id,
        });
      });
      return reply.status(204).send();
    },
  );

  app.get<{ Params: FlowParams }>(
    '/flows/:flow/versions',
    { config: { access: 'read' }, schema: { params: flowParams } },
    async (request) => {
      const scope = scopeOf(request);
      const flow = await flowOrThrow(scope.store, scope.instance.id, request.params.flow);
      return {
        versions: await scope.store.flows.versions(scope.instance.id, flow.id),
        publications: await scope.store.flows.publications(scope.instance.id, flow.id),
      };
    },
  );

  app.post<{ Params: FlowParams; Body: SaveBody }>(
    '/flows/:flow/versions',
    {
      config: { access: 'write' },
      schema: {
        params: flowParams,
        body: {
          type: 'object',
          required: ['content'],
          additionalProperties: false,
          properties: {
            content,
            message: { type: 'string', maxLength: 1000 },
            baseVersion: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
    async (request, reply) => {
      const { content: body, ...rest } = request.body;
      const saved = await saveVersion(scopeOf(request), request.params.flow, {
        content: asContent(body),
        ...rest,
      });
      return reply.status(saved.unchanged ? 200 : 201).send(saved);
    },
  );

  app.get<{ Params: FlowParams & { version: number } }>(
    '/flows/:flow/versions/:version',
    { config: { access: 'read' }, schema: { params: versionParams } },
    async (request) => {
      const { version } = await versionContent(scopeOf(request), request.params.flow, request.params.version);
      const { content: text, ...meta } = version;
      return { ...meta, content: JSON.parse(text) as unknown };
    },
  );

  /** The document itself, as saved: what the designer opens. */
  app.get<{ Params: FlowParams; Querystring: { version?: number } }>(
    '/flows/:flow/content',
    {
      config: { access: 'read' },
      schema: {
        params: flowParams,
        querystring: { type: 'object', properties: { version: { type: 'integer', minimum: 1 } } },
      },
    },
    async (request, reply) => {
      const { version } = await versionContent(scopeOf(request), request.params.flow, request.query.version);
      return reply
        .header('etag', `"${version.hash}"`)
        .header('x-parley-version', String(version.version))
        .type('application/json')
        .send(version.content);
    },
  );

  for (const action of ['publish', 'rollback'] as const)
    app.post<{ Params: FlowParams; Body: { version?: number } | undefined }>(
      `/flows/:flow/${action}`,
      {
        config: { access: 'write' },
        schema: {
          params: flowParams,
          body: {
            type: 'object',
            additionalProperties: false,
            ...(action === 'rollback' ? { required: ['version'] } : {}),
            properties: { version: { type: 'integer', minimum: 1 } },
          },
        },
      },
      async (request) => {
        const version = request.body?.version;
        return publish(scopeOf(request), request.params.flow, { action, ...(version ? { version } : {}) });
      },
    );
};
