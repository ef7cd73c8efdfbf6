import type { TSchema } from '@sinclair/typebox';
import { CATALOG } from '../catalog/index.js';
import { FlowDocument } from '../document/schema.js';
import { importReportSchema } from '../references/report-schema.js';

const BASE = 'https://parley.dev/schemas';

/** Drops TypeBox's symbol keys and sorts nothing: JSON.stringify already ignores symbols. */
const json = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`;

/**
 * The files of `schemas/`: one parameter schema per block and the flow document schema composed from
 * them, so tools outside Parley (editors, CI linters) validate flows the way Parley does.
 */
export function renderSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  const perType: TSchema[] = [];
  for (const block of CATALOG.values()) {
    const id = `${BASE}/blocks/${block.type}.parameters.schema.json`;
    files.set(
      `blocks/${block.type}.parameters.schema.json`,
      json({ $id: id, title: `${block.type} parameters`, ...block.parameters }),
    );
    perType.push({
      if: { properties: { Type: { const: block.type } }, required: ['Type'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keywords
      then: { properties: { Parameters: { $ref: id } } },
    } as unknown as TSchema);
  }
  const document = structuredClone(FlowDocument) as Record<string, unknown> & {
    properties: { Actions: { items: Record<string, unknown> } };
  };
  document.properties.Actions.items.allOf = perType;
  files.set(
    'flow-document.schema.json',
    json({ $schema: 'http://json-schema.org/draft-07/schema#', ...document }),
  );
  files.set('import-report.schema.json', json(importReportSchema));
  return files;
}
