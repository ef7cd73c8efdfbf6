import type { FastifyInstance } from 'fastify';
import { maskSecrets, RESOURCE_TYPES } from '../../resources/index.js';
import { exportInstanceBundle, importInstanceBundle } from '../../services/bundles/index.js';
import { mayWrite, scopeOf } from '../auth.js';
import { instanceParams } from './shared.js';

/** A bundle carries every prompt's audio as base64: far more than one flow's JSON. */
export const BUNDLE_BODY_LIMIT = 64 * 1024 * 1024;

const tags = ['Instance bundle'];

/** The whole instance as one instance bundle, and a bundle imported into an instance. */
export const bundleRoutes = () => async (app: FastifyInstance) => {
  app.get(
    '/bundle',
    {
      config: { access: 'read' },
      schema: {
        tags,
        description:
          'The instance as an instance bundle (schemas/instance-bundle.schema.json): every resource, prompt audio as base64, every flow’s published version (else its latest) inline. A viewer sees credentials (a Lambda’s headers) masked.',
        params: instanceParams,
      },
    },
    async (request) => {
      const bundle = await exportInstanceBundle(scopeOf(request));
      if (mayWrite(request)) return bundle;
      for (const type of RESOURCE_TYPES) {
        const items = bundle[type.collection];
        if (Array.isArray(items)) bundle[type.collection] = items.map((item) => maskSecrets(type, item));
      }
      return bundle;
    },
  );

  app.post<{ Querystring: { dryRun?: boolean } }>(
    '/bundle',
    {
      config: { access: 'admin', limit: 'import' },
      bodyLimit: BUNDLE_BODY_LIMIT,
      schema: {
        tags,
        description:
          'Import an instance bundle in one transaction: resources created or updated (by ID, else name), flows imported through the resolver and published when they pass the publish checks. One refused item refuses the bundle (STORE_BUNDLE_REFUSED); dryRun answers the report and writes nothing.',
        params: instanceParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { dryRun: { type: 'boolean', default: false } },
        },
        // Checked item by item by the service, with the resource checks' codes.
        body: { type: 'object' },
      },
    },
    async (request) =>
      importInstanceBundle(scopeOf(request), request.body, { dryRun: request.query.dryRun === true }),
  );
};
