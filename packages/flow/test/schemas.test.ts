import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../src/catalog/index.js';
import { renderSchemas } from '../src/docs/schemas.js';
import { repoRoot } from './support/paths.js';

const schemasDir = join(repoRoot, 'schemas');

describe('the JSON Schemas in schemas/', () => {
  it('are up to date with the block catalog', () => {
    const rendered = renderSchemas();
    const onDisk = readdirSync(join(schemasDir, 'blocks')).map((f) => `blocks/${f}`);
    expect(onDisk.sort(), 'run `pnpm schemas` and commit schemas/').toEqual(
      [...rendered.keys()].filter((k) => k.startsWith('blocks/')).sort(),
    );
    for (const [name, content] of rendered) {
      expect(readFileSync(join(schemasDir, name), 'utf8'), `${name} is stale: run \`pnpm schemas\``).toBe(
        content,
      );
    }
  });

  it('hold one parameter schema per catalog entry', () => {
    expect(readdirSync(join(schemasDir, 'blocks'))).toHaveLength(CATALOG.size);
  });

  it('let a plain JSON Schema validator check a flow, annotations and all', () => {
    const ajv = new Ajv({ strict: false, allowUnionTypes: true });
    for (const [name, content] of renderSchemas())
      if (name.startsWith('blocks/')) ajv.addSchema(JSON.parse(content));
    const validate = ajv.compile(JSON.parse(renderSchemas().get('flow-document.schema.json') ?? '{}'));
    const flow = {
      Version: '2019-10-30',
      StartAction: 'a',
      Actions: [
        { Identifier: 'a', Type: 'Wait', Parameters: { TimeLimitSeconds: '30' }, Transitions: {} },
        {
          Identifier: 'b',
          Type: 'Wait',
          Parameters: { TimeLimitSeconds: { not: 'a string' } },
          Transitions: {},
        },
      ],
    };
    expect(validate(flow)).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/Actions/1/Parameters/TimeLimitSeconds')).toBe(
      true,
    );
    flow.Actions.pop();
    expect(validate(flow)).toBe(true);
  });
});
