import { entrySchema, ifThen } from '../fields.js';
import type { ResourceType } from '../types.js';

const FUNCTION_NAME = '^[A-Za-z0-9_-]{1,64}$';

/** A Lambda function flows invoke, run by Parley as a local module or reached over HTTP. */
export const lambdaType: ResourceType = {
  kind: 'lambda',
  collection: 'lambdaFunctions',
  path: 'lambda-functions',
  title: 'Lambda function',
  flowKinds: ['lambda'],
  external: true,
  // An endpoint's Authorization or API-key header is a credential.
  secrets: ['headers'],
  schema: entrySchema(
    'Lambda function',
    {
      arn: {
        type: 'string',
        pattern:
          '^arn:[a-z-]+:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]{1,128})?$',
        description:
          'The function ARN flows name; built from the name in this instance’s account unless given.',
      },
      module: {
        type: 'string',
        minLength: 1,
        maxLength: 1024,
        description: 'A JavaScript module run in-process.',
      },
      handler: {
        type: 'string',
        pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$',
        description: 'Its export; `handler`.',
      },
      url: {
        type: 'string',
        pattern: '^https?://',
        maxLength: 2048,
        description: 'An HTTP endpoint invoked.',
      },
      headers: { type: 'object', additionalProperties: { type: 'string', maxLength: 4096 } },
      timeoutSeconds: { type: 'integer', minimum: 1, maximum: 8, description: 'Connect waits at most 8 s.' },
    },
    {
      named: ['arn', 'name'],
      allOf: [
        {
          description: 'runs either a local module or an HTTP endpoint: give module or url',
          oneOf: [{ required: ['module'] }, { required: ['url'] }],
        },
        // Without an ARN the name is the function's, and becomes part of the ARN.
        ifThen(
          { not: { required: ['arn'] } },
          { properties: { name: { type: 'string', pattern: FUNCTION_NAME } } },
        ),
      ],
    },
  ),
  arn: (ns, entry) =>
    typeof entry.arn === 'string' && entry.arn !== ''
      ? entry.arn
      : `arn:${ns.partition}:lambda:${ns.region}:${ns.account}:function:${entry.name}`,
  references: () => [],
  defaultName: (fields) => (typeof fields.arn === 'string' ? functionName(fields.arn) : undefined),
};

/** `acme-lookup` of `arn:aws:lambda:…:function:acme-lookup[:qualifier]`. */
export const functionName = (arn: string): string | undefined => /:function:([^:]+)/.exec(arn)?.[1];
