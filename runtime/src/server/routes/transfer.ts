import { formatDiff } from '@parley/flow';
import type { FastifyInstance } from 'fastify';
import { Problem } from '../../services/problem.js';
import {
  diffVersions,
  exportFlow,
  importFlow,
  SEARCH_KINDS,
  searchReferences,
} from '../../services/transfer.js';
import { scopeOf } from '../auth.js';
import { instanceParams, withParams } from './shared.js';

const flowParams = withParams({ flow: { type: 'string', maxLength: 512 } });

type ImportBody = {
  content: string | object;
  map?: Record<string, string>;
  flow?: string;
  name?: string;
  type?: string;
  message?: string;
  dryRun?: boolean;
};

/** Import with a resolution report, export with names, diff between versions, reference search. */
export const transferRoutes = () => async (app: FastifyInstance) => {
  app.post<{ Body: ImportBody }>(
    '/import',
    {
      config: { access: 'write', limit: 'import' },
      schema: {
        description: 'Import a Connect export (modern or legacy). dryRun: only the resolution report.',
        params: instanceParams,
        body: {
          type: 'object',
          required: ['content'],
          additionalProperties: false,
          properties: {
            content: { anyOf: [{ type: 'string', maxLength: 4_000_000 }, { type: 'object' }] },
            map: {
              type: 'object',
              additionalProperties: { type: 'string', maxLength: 2048 },
              maxProperties: 10_000,
            },
            flow: { type: 'string', maxLength: 512, description: 'Import as a new version of this flow' },
            name: { type: 'string', minLength: 1, maxLength: 127 },
            type: { type: 'string' },
            message: { type: 'string', maxLength: 1000 },
            dryRun: { type: 'boolean', default: false },
          },
        },
      },
    },
    async (request, reply) => {
      const { content, ...options } = request.body;
      const result = await importFlow(
        scopeOf(request),
        typeof content === 'string' ? content : { json: content },
        options,
      );
      return reply.status(result.saved && !result.saved.unchanged ? 201 : 200).send(result);
    },
  );

  app.get<{ Params: { instance: string; flow: string }; Querystring: { version?: number } }>(
    '/flows/:flow/export',
    {
      config: { access: 'read' },
      schema: {
        params: flowParams,
        querystring: { type: 'object', properties: { version: { type: 'integer', minimum: 1 } } },
      },
    },
    async (request, reply) => {
      const { flow, document } = await exportFlow(
        scopeOf(request),
        request.params.flow,
        request.query.version,
      );
      const file = `${flow.name.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`;
      return reply.header('content-disposition', `attachment; filename="${file}"`).send(document);
    },
  );

  app.get<{
    Params: { instance: string; flow: string };
    Querystring: { from: number; to: number; format?: 'json' | 'text' };
  }>(
    '/flows/:flow/diff',
    {
      config: { access: 'read' },
      schema: {
        params: flowParams,
        querystring: {
          type: 'object',
          required: ['from', 'to'],
          properties: {
            from: { type: 'integer', minimum: 1 },
            to: { type: 'integer', minimum: 1 },
            format: { enum: ['json', 'text'], default: 'json' },
          },
        },
      },
    },
    async (request, reply) => {
      const diff = await diffVersions(
        scopeOf(request),
        request.params.flow,
        request.query.from,
        request.query.to,
      );
      return request.query.format === 'text'
        ? reply.type('text/plain; charset=utf-8').send(formatDiff(diff))
        : diff;
    },
  );

  app.get<{ Querystring: Record<string, string> }>(
    '/search',
    {
      config: { access: 'read' },
      schema: {
        description:
          'Which flows use a resource: exactly one of queue, prompt, lambda, flow, module, hours, bot, agent (ID, ARN or name).',
        params: instanceParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          maxProperties: 1,
          properties: Object.fromEntries(
            Object.keys(SEARCH_KINDS).map((k) => [k, { type: 'string', minLength: 1, maxLength: 2048 }]),
          ),
        },
      },
    },
    async (request) => {
      const [kind, ref] = Object.entries(request.query)[0] ?? [];
      if (kind === undefined || ref === undefined)
        throw new Problem('API_REQUEST_INVALID', 'name one resource to search for');
      return { kind, ref, uses: await searchReferences(scopeOf(request), kind, ref) };
    },
  );
};
