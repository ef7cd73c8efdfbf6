import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiDocsDir, hasApiDocs } from '../src/swagger/location.js';
import { renderModels, renderOperations } from '../src/swagger/render.js';
import type { SwaggerFile } from '../src/swagger/types.js';

const generated = join(dirname(fileURLToPath(import.meta.url)), '../src/generated');

describe('generated ARI code', () => {
  const docs = hasApiDocs();
  if (!docs)
    console.warn(`Asterisk api-docs not found at ${apiDocsDir()}: generated files not checked for staleness`);

  it.skipIf(!docs)(
    'matches what the generator makes from the swagger files (run `pnpm --filter @parley/ari generate`)',
    () => {
      const dir = apiDocsDir();
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SwaggerFile);
      expect(readFileSync(join(generated, 'models.ts'), 'utf8')).toBe(renderModels(files));
      expect(readFileSync(join(generated, 'operations.ts'), 'utf8')).toBe(renderOperations(files));
    },
  );
});
