import type { FastifyInstance } from 'fastify';
import { RESOURCE_TYPES } from '../../resources/index.js';

/**
 * The resource kinds as data, for clients that build their forms from the schemas (the designer's
 * resource pages) rather than restating each kind's fields.
 */
export const resourceTypeRoutes = () => async (app: FastifyInstance) => {
  app.get(
    '/resource-types',
    {
      config: { access: 'read' },
      schema: {
        tags: ['Resource types'],
        description:
          'Every kind of instance resource: its API path segment, the list key, its title, the flow reference kinds it satisfies and the JSON Schema of an entry as a client sends it.',
      },
    },
    async () => ({
      resourceTypes: RESOURCE_TYPES.map((t) => ({
        kind: t.kind,
        path: t.path,
        collection: t.collection,
        title: t.title,
        flowKinds: t.flowKinds,
        external: t.external ?? false,
        schema: t.schema,
      })),
    }),
  );
};
