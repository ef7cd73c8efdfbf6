import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The shared corpus of real Connect exports; CI has it beside the clone, elsewhere it may be absent. */
export const corpusDir = process.env.PARLEY_CORPUS ?? resolve(repoRoot, '../shared/corpus');
export const hasCorpus = existsSync(join(corpusDir, 'MANIFEST.tsv'));
if (!hasCorpus) console.warn(`[corpus] ${corpusDir} not found: tests over real Connect exports are skipped`);

export interface CorpusFile {
  /** `modern/…`, `embedded/…` or `legacy/…`, as in MANIFEST.tsv. */
  file: string;
  kind: 'modern' | 'embedded' | 'legacy';
  hasUiMetadata: boolean;
  bytes: Buffer;
}

export function corpusFiles(): CorpusFile[] {
  if (!hasCorpus) return [];
  const ui = new Map(
    readFileSync(join(corpusDir, 'MANIFEST.tsv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split('\t'))
      .map((c) => [c[0] ?? '', c[8]?.trim() === 'True'] as const),
  );
  return (['modern', 'embedded', 'legacy'] as const).flatMap((kind) =>
    readdirSync(join(corpusDir, kind))
      .sort()
      .map((name) => {
        const file = `${kind}/${name}`;
        return {
          file,
          kind,
          hasUiMetadata: ui.get(file) ?? false,
          bytes: readFileSync(join(corpusDir, file)),
        };
      }),
  );
}
