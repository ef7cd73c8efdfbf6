/**
 * Generates `src/generated/{models,operations}.ts` from Asterisk's swagger 1.1/1.2 files
 * (`rest-api/api-docs/*.json`). OpenAPI generators cannot read that dialect; its shape is small
 * enough to walk by hand. Run after moving to another Asterisk release and review the diff.
 *
 *   pnpm --filter @parley/ari generate [api-docs-dir]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiDocsDir } from '../src/swagger/location.js';
import { renderModels, renderOperations } from '../src/swagger/render.js';
import type { SwaggerFile } from '../src/swagger/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const dir = resolve(process.argv[2] ?? apiDocsDir());
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SwaggerFile);

const out = join(here, '../src/generated');
writeFileSync(join(out, 'models.ts'), renderModels(files));
writeFileSync(join(out, 'operations.ts'), renderOperations(files));
console.log(`generated models and operations from ${files.length} files in ${dir}`);
