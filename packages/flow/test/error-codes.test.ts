import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES, RETIRED_CODES } from '../src/diagnostics/codes.js';
import { renderErrorDocs } from '../src/docs/error-docs.js';
import { repoRoot } from './support/paths.js';

describe('the diagnostic code catalogue', () => {
  it('is documented, word for word, in docs/ERRORS.md', () => {
    const onDisk = readFileSync(join(repoRoot, 'docs/ERRORS.md'), 'utf8');
    expect(onDisk, 'run `pnpm docs:errors` and commit docs/ERRORS.md').toBe(renderErrorDocs());
  });

  it('lists every code in the documentation table', () => {
    const onDisk = readFileSync(join(repoRoot, 'docs/ERRORS.md'), 'utf8');
    for (const code of Object.keys(CODES)) expect(onDisk).toContain(`| \`${code}\` |`);
  });

  it('never reuses a retired code', () => {
    for (const code of RETIRED_CODES) expect(Object.keys(CODES)).not.toContain(code);
  });

  it('names codes in upper snake case with a title and an explanation', () => {
    for (const [code, spec] of Object.entries(CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/);
      expect(spec.title.length).toBeGreaterThan(5);
      expect(spec.doc.length).toBeGreaterThan(20);
      expect(['error', 'warning', 'info']).toContain(spec.severity);
    }
  });
});
