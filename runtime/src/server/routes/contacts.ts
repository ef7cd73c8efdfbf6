import type { FastifyInstance } from 'fastify';
import { notFound } from '../../services/problem.js';
import { scopeOf } from '../auth.js';
import { instanceParams, withParams } from './shared.js';

const contactParams = withParams({ contact: { type: 'string', maxLength: 128 } });
const page = {
  after: { type: 'integer', minimum: 0 },
  limit: { type: 'integer', minimum: 1, maximum: 10_000 },
};

/** Contacts that ran: their records (Connect's CTR shape) and flow logs (CloudWatch entries). */
export const contactRoutes = () => async (app: FastifyInstance) => {
  app.get<{ Querystring: { limit?: number; before?: string; flow?: string } }>(
    '/contacts',
    {
      config: { access: 'read' },
      schema: {
        params: instanceParams,
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 1000 },
            before: { type: 'string', format: 'date-time' },
            flow: {
              type: 'string',
              maxLength: 2048,
              description: 'Only contacts that ran a block of this flow (ARN)',
            },
          },
        },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { flow, ...rest } = request.query;
      return {
        contacts: await scope.store.contacts.contacts(scope.instance.id, {
          ...rest,
          ...(flow ? { flowArn: flow } : {}),
        }),
      };
    },
  );

  app.get<{ Params: { instance: string; contact: string } }>(
    '/contacts/:contact',
    { config: { access: 'read' }, schema: { params: contactParams } },
    async (request) => {
      const scope = scopeOf(request);
      return (
        (await scope.store.contacts.contactRecord(scope.instance.id, request.params.contact)) ??
        Promise.reject(notFound(`contact ${request.params.contact}`))
      );
    },
  );

  app.get<{ Params: { instance: string; contact: string }; Querystring: { after?: number; limit?: number } }>(
    '/contacts/:contact/logs',
    {
      config: { access: 'read' },
      schema: { params: contactParams, querystring: { type: 'object', properties: page } },
    },
    async (request) => {
      const scope = scopeOf(request);
      const logs = await scope.store.contacts.flowLogs(scope.instance.id, {
        contactId: request.params.contact,
        ...request.query,
      });
      return { entries: logs.map((l) => l.entry), next: logs.at(-1)?.seq ?? null };
    },
  );

  app.get<{
    Querystring: {
      contact?: string;
      flow?: string;
      from?: string;
      to?: string;
      after?: number;
      limit?: number;
    };
  }>(
    '/flow-logs',
    {
      config: { access: 'read' },
      schema: {
        description:
          'Flow-log entries by contact, by flow ARN and by time (ISO 8601), oldest first; page with `after` = the previous `next`.',
        params: instanceParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            contact: { type: 'string', maxLength: 128 },
            flow: { type: 'string', maxLength: 2048 },
            from: { type: 'string', format: 'date-time' },
            to: { type: 'string', format: 'date-time' },
            ...page,
          },
        },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { contact, flow, ...rest } = request.query;
      const logs = await scope.store.contacts.flowLogs(scope.instance.id, {
        ...(contact ? { contactId: contact } : {}),
        ...(flow ? { flowArn: flow } : {}),
        ...rest,
      });
      return { entries: logs.map((l) => l.entry), next: logs.at(-1)?.seq ?? null };
    },
  );
};
