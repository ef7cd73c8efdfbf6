import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSchemas } from '../packages/flow/src/docs/schemas.js';
import { renderContactSchemas } from '../runtime/src/contact/schemas.js';
import { renderRuntimeSchemas } from '../runtime/src/logs/schemas.js';
import { renderBundleSchemas } from '../runtime/src/resources/bundle-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
rmSync(join(root, 'blocks'), { recursive: true, force: true });
const files = new Map([
  ...renderSchemas(),
  ...renderRuntimeSchemas(),
  ...renderContactSchemas(),
  ...renderBundleSchemas(),
]);
for (const [name, content] of files) {
  mkdirSync(dirname(join(root, name)), { recursive: true });
  writeFileSync(join(root, name), content);
}
console.log(
  `wrote ${files.size} schema files to schemas/ (${readdirSync(join(root, 'blocks')).length} block schemas)`,
);
