/**
 * The real documents mutation fuzzing starts from: the corpus of Connect exports (when it is beside
 * the clone) and our own fixtures, as bytes, in a stable order so a seed replays the same cases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFiles, repoRoot } from '../support/paths.js';

export interface SeedDocument {
  name: string;
  bytes: Uint8Array;
  legacy: boolean;
  /** Parsed, when the bytes are JSON: the start of structural mutations. */
  value: unknown;
}

let cache: SeedDocument[] | undefined;

function fixtureFiles(): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const dir of ['flows', 'invalid', 'legacy']) {
    const path = join(repoRoot, 'fixtures', dir);
    for (const f of readdirSync(path).sort())
      if (/\.(json|txt)$/.test(f))
        out.push({ name: `fixtures/${dir}/${f}`, bytes: readFileSync(join(path, f)) });
  }
  return out;
}

export function seedDocuments(): SeedDocument[] {
  cache ??= [
    ...fixtureFiles(),
    ...corpusFiles().map((f) => ({ name: `corpus/${f.file}`, bytes: new Uint8Array(f.bytes) })),
  ].map(({ name, bytes }) => {
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      value = undefined;
    }
    const legacy = typeof value === 'object' && value !== null && 'modules' in value;
    return { name, bytes, legacy, value };
  });
  return cache;
}

export const legacySeeds = (): SeedDocument[] => seedDocuments().filter((s) => s.legacy);
export const jsonSeeds = (): SeedDocument[] => seedDocuments().filter((s) => s.value !== undefined);
