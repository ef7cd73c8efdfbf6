import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Problem } from '../../services/problem.js';
import type { InstanceRow } from '../../store/index.js';
import { scopeOf } from '../auth.js';
import { instanceParams, type RouteDeps } from './shared.js';

const createBody = {
  type: 'object',
  required: ['alias'],
  additionalProperties: false,
  properties: {
    alias: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,61}$' },
    id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$' },
    partition: { type: 'string', pattern: '^aws[-a-z0-9]*$', default: 'aws' },
    region: { type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-[0-9]$', default: 'us-east-1' },
    account: { type: 'string', pattern: '^[0-9]{12}$' },
  },
} as const;

const view = (i: InstanceRow) => ({
  ...i,
  arn: `arn:${i.partition}:connect:${i.region}:${i.account}:instance/${i.id}`,
});

/** Instances: Connect-like namespaces whose ARNs every resource and flow ARN extends. */
export const instanceRoutes = (deps: RouteDeps) => async (app: FastifyInstance) => {
  app.get('/instances', { config: { access: 'read' } }, async (request) => {
    const all = await deps.store.catalog.instances();
    const own = request.token?.instanceId;
    return { instances: all.filter((i) => own == null || i.id === own).map(view) };
  });

  app.post<{ Body: { alias: string; id?: string; partition?: string; region?: string; account?: string } }>(
    '/instances',
    { config: { access: 'admin' }, schema: { body: createBody } },
    async (request, reply) => {
      if (request.token?.instanceId != null)
        throw new Problem('API_FORBIDDEN', 'only an admin token of every instance creates instances');
      const b = request.body;
      const row = {
        id: b.id ?? randomUUID(),
        alias: b.alias,
        partition: b.partition ?? 'aws',
        region: b.region ?? 'us-east-1',
        account: b.account ?? String(randomInt(100_000, 999_999)) + String(randomInt(100_000, 999_999)),
      };
      const created = await deps.store.transaction(async (tx) => {
        if (await tx.catalog.instance(row.alias))
          throw new Problem('STORE_NAME_TAKEN', `an instance is already called ${row.alias}`);
        if (await tx.catalog.instance(row.id))
          throw new Problem('STORE_NAME_TAKEN', `an instance already has id ${row.id}`);
        const i = await tx.catalog.createInstance(row);
        await tx.access.audit({
          instanceId: i.id,
          actor: request.token?.id ?? 'system',
          action: 'instance.create',
          target: i.id,
        });
        return i;
      });
      return reply.status(201).send(view(created));
    },
  );

  app.get(
    '/instances/:instance',
    { config: { access: 'read' }, schema: { params: instanceParams } },
    async (request) => view(scopeOf(request).instance),
  );

  app.delete(
    '/instances/:instance',
    { config: { access: 'admin' }, schema: { params: instanceParams } },
    async (request, reply) => {
      if (request.token?.instanceId != null)
        throw new Problem('API_FORBIDDEN', 'only an admin token of every instance deletes instances');
      const instance = scopeOf(request).instance;
      await deps.store.catalog.deleteInstance(instance.id);
      await deps.store.access.audit({
        instanceId: null,
        actor: request.token?.id ?? 'system',
        action: 'instance.delete',
        target: instance.id,
      });
      return reply.status(204).send();
    },
  );

  const auditPage = {
    type: 'object',
    additionalProperties: false,
    properties: {
      after: { type: 'integer', minimum: 0 },
      limit: { type: 'integer', minimum: 1, maximum: 1000 },
    },
  } as const;

  // Tokens of every instance have their entries here, with no instance: creating, revoking, using them.
  app.get<{ Querystring: { after?: number; limit?: number } }>(
    '/audit',
    {
      config: { access: 'admin' },
      schema: {
        description:
          "The whole audit log for an admin of every instance (instance entries and those of global tokens); an instance's admin sees their instance's.",
        querystring: auditPage,
      },
    },
    async (request) => ({
      entries: await deps.store.access.auditLog({
        ...(request.token?.instanceId != null ? { instanceId: request.token.instanceId } : {}),
        ...request.query,
      }),
    }),
  );

  app.get<{ Params: { instance: string }; Querystring: { after?: number; limit?: number } }>(
    '/instances/:instance/audit',
    {
      config: { access: 'admin' },
      schema: {
        params: instanceParams,
        querystring: auditPage,
      },
    },
    async (request) => ({
      entries: await deps.store.access.auditLog({
        instanceId: scopeOf(request).instance.id,
        ...request.query,
      }),
    }),
  );
};
