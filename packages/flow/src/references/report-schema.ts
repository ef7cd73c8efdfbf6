import { FLOW_TYPES, RESOURCE_KINDS } from '../catalog/vocabulary.js';
import { CODES } from '../diagnostics/codes.js';

/**
 * JSON Schema of the import report (`parley import --json`, `POST …/import`): what tools that read
 * the report may rely on. A test checks every corpus import's report against it.
 */
export const importReportSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://parley.dev/schemas/import-report.schema.json',
  title: 'Parley import report',
  type: 'object',
  required: ['flowType', 'references', 'errors'],
  properties: {
    flowType: { enum: [...FLOW_TYPES, null] },
    name: { type: 'string' },
    references: {
      type: 'array',
      items: {
        type: 'object',
        required: ['actionId', 'parameter', 'kind', 'arn', 'name', 'resolution', 'target'],
        additionalProperties: false,
        properties: {
          actionId: { type: 'string' },
          parameter: { type: 'string', description: 'Path inside Parameters, e.g. Messages/0/PromptId' },
          kind: { enum: [...RESOURCE_KINDS] },
          arn: { type: 'string', description: 'The value as written: an ARN, ID, name or placeholder' },
          name: { type: ['string', 'null'], description: 'Display name from Metadata' },
          resolution: { enum: ['arn', 'id', 'name', 'map', 'unresolved'] },
          target: { type: ['string', 'null'], description: "The target instance's ARN written instead" },
        },
      },
    },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'severity', 'message'],
        properties: {
          code: { enum: Object.keys(CODES) },
          severity: { enum: ['error', 'warning', 'info'] },
          message: { type: 'string' },
          actionId: { type: 'string' },
          path: { type: 'string' },
        },
      },
    },
  },
} as const;
