import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * Asterisk's swagger files live beside the clone (`../shared/reference/ari-api-docs`) and are not
 * vendored; `ARI_API_DOCS` points elsewhere. Only the generator and conformance tests read them.
 */
export function apiDocsDir(): string {
  return process.env.ARI_API_DOCS ?? resolve(repoRoot, '../shared/reference/ari-api-docs');
}

export function hasApiDocs(): boolean {
  return existsSync(resolve(apiDocsDir(), 'channels.json'));
}
