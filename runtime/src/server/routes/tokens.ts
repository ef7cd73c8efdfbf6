import type { FastifyInstance } from 'fastify';
import { Problem } from '../../services/problem.js';
import { createToken, ROLES } from '../../services/tokens.js';
import type { Role } from '../../store/index.js';
import type { RouteDeps } from './shared.js';

/** The user an agent token acts as, checked against the token's instance. */
async function tokenUser(
  deps: RouteDeps,
  body: { role: Role; user?: string },
  instanceId: string | null,
): Promise<string | null> {
  if (body.user === undefined) return null;
  if (body.role !== 'agent') throw new Problem('API_REQUEST_INVALID', 'only agent tokens act as a user');
  if (instanceId === null)
    throw new Problem('API_REQUEST_INVALID', "an agent token for a user needs the user's instance");
  const user = await deps.store.catalog.resource(instanceId, 'user', body.user);
  if (!user) throw new Problem('AGENT_USER_UNKNOWN', `the instance has no user ${JSON.stringify(body.user)}`);
  return user.id;
}

/** API tokens. An instance's admin manages that instance's tokens; a global admin, all. */
export const tokenRoutes = (deps: RouteDeps) => async (app: FastifyInstance) => {
  app.get('/tokens', { config: { access: 'admin' } }, async (request) => ({
    tokens: await deps.store.access.tokens(request.token?.instanceId ?? undefined),
  }));

  app.post<{ Body: { role: Role; name: string; instance?: string; user?: string } }>(
    '/tokens',
    {
      config: { access: 'admin', limit: 'login' },
      schema: {
        body: {
          type: 'object',
          required: ['role', 'name'],
          additionalProperties: false,
          properties: {
            role: { enum: ROLES },
            name: { type: 'string', minLength: 1, maxLength: 100 },
            instance: {
              type: 'string',
              maxLength: 128,
              description: 'Instance ID or alias; every instance when absent',
            },
            user: {
              type: 'string',
              maxLength: 256,
              description:
                "An agent token's instance user (ID, ARN or username): the agent API acts as them. Needs role agent and an instance.",
            },
          },
        },
      },
    },
    async (request, reply) => {
      const own = request.token?.instanceId ?? null;
      let instanceId: string | null = null;
      if (request.body.instance !== undefined) {
        const instance = await deps.store.catalog.instance(request.body.instance);
        if (!instance || (own !== null && instance.id !== own))
          throw new Problem('API_FORBIDDEN', 'tokens can be made only for your own instance');
        instanceId = instance.id;
      } else if (own !== null) instanceId = own;
      const userId = await tokenUser(deps, request.body, instanceId);
      const { token, row } = await createToken(deps.store, {
        role: request.body.role,
        name: request.body.name,
        userId,
        instanceId,
        actor: request.token?.id ?? 'system',
      });
      // The secret is shown once, here; only its hash is kept.
      return reply.status(201).send({ ...row, token });
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/tokens/:id',
    {
      config: { access: 'admin' },
      schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } } },
    },
    async (request, reply) => {
      const own = request.token?.instanceId ?? null;
      const target = (await deps.store.access.tokens(own ?? undefined)).find(
        (t) => t.id === request.params.id,
      );
      if (!target) throw new Problem('API_NOT_FOUND', `token ${request.params.id} does not exist`);
      await deps.store.access.revokeToken(target.id);
      app.forgetTokens();
      await deps.store.access.audit({
        instanceId: target.instanceId,
        actor: request.token?.id ?? 'system',
        action: 'token.revoke',
        target: target.id,
      });
      return reply.status(204).send();
    },
  );
};
