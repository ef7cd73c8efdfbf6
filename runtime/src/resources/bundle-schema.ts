/**
 * The instance bundle's JSON Schema, built from the resource kinds: one array per kind under its
 * `collection`, each item that kind's schema. Published as schemas/instance-bundle.schema.json.
 */
import { FLOW_TYPE_BY_METADATA, FLOW_TYPES } from '@parley/flow';
import { arnSchema, descriptionSchema, idSchema, nameSchema } from './fields.js';
import { RESOURCE_TYPES } from './registry.js';
import type { JsonSchema, ResourceType } from './types.js';

const instance = {
  type: 'object',
  additionalProperties: false,
  description: 'The namespace of every ARN the bundle derives; Parley’s default instance where left out.',
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 256 },
    alias: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,62}$', description: 'Names the flow-log group.' },
    partition: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,31}$', description: 'aws unless told.' },
    region: { type: 'string', pattern: '^[a-z0-9-]{1,32}$' },
    account: { type: 'string', pattern: '^[0-9]{12}$' },
  },
} as const;

const flow = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idSchema,
    arn: arnSchema,
    name: nameSchema,
    description: descriptionSchema,
    type: {
      enum: [...FLOW_TYPES, ...Object.keys(FLOW_TYPE_BY_METADATA)],
      description: 'Connect’s flow type; the document’s Metadata.type unless given.',
    },
    file: {
      type: 'string',
      minLength: 1,
      maxLength: 1024,
      description: 'A flow document, relative to the bundle.',
    },
    content: { type: 'object', description: 'The flow document itself (2019-10-30 or legacy).' },
  },
  allOf: [
    {
      description: 'has its document in file or content',
      oneOf: [{ required: ['file'] }, { required: ['content'] }],
    },
  ],
} as const;

/** An item schema without its own `$schema` (only a root may say which draft it is). */
function itemSchema(t: ResourceType): JsonSchema {
  const { $schema: _, ...rest } = t.bundleSchema ?? t.schema;
  return rest;
}

function build(items: (t: ResourceType) => JsonSchema) {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://parley.dev/schemas/instance-bundle.schema.json',
    title: 'Parley instance bundle',
    description:
      'A whole instance in one file: `parley run --instance` reads it, and instances are exported to and imported from it. Relative paths are read from the bundle’s folder.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      instance,
      flows: { type: 'array', items: flow },
      ...Object.fromEntries(RESOURCE_TYPES.map((t) => [t.collection, { type: 'array', items: items(t) }])),
    },
  } as const;
}

export const instanceBundleSchema = build(itemSchema);

/** The bundle around its resources, whose items `checkResource` checks one by one. */
export const bundleEnvelopeSchema = build(() => ({ type: 'object' }));

/** The files of `schemas/` the bundle owns, by name (`pnpm schemas`). */
export function renderBundleSchemas(): Map<string, string> {
  return new Map([['instance-bundle.schema.json', `${JSON.stringify(instanceBundleSchema, null, 2)}\n`]]);
}
