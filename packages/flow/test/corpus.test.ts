import { describe, expect, it } from 'vitest';
import { loadFlow } from '../src/load.js';
import expectations from './corpus-expectations.json' with { type: 'json' };
import { type CorpusFile, corpusFiles, hasCorpus } from './support/paths.js';

const defects: Record<string, { hasUiMetadata: boolean; codes: string[]; reason: string }> =
  expectations.defects;
const files = corpusFiles();
const load = (f: CorpusFile) => loadFlow(f.bytes);
const errorCodes = (f: CorpusFile) =>
  [
    ...new Set(
      load(f)
        .diagnostics.filter((d) => d.severity === 'error')
        .map((d) => d.code),
    ),
  ].sort();

describe.skipIf(!hasCorpus)('real Connect exports (../shared/corpus)', () => {
  const modern = files.filter((f) => f.kind !== 'legacy');
  const legacy = files.filter((f) => f.kind === 'legacy');

  it('every modern and embedded file parses and round-trips unchanged', () => {
    const failures = modern
      .filter((f) => !load(f).roundTrip || load(f).format !== 'modern')
      .map((f) => f.file);
    expect(failures).toEqual([]);
    expect(modern.length).toBeGreaterThan(200);
  });

  it('has errors only in the files listed as defective, with exactly the listed codes', () => {
    const actual = Object.fromEntries(
      modern.map((f) => [f.file, errorCodes(f)] as const).filter(([, codes]) => codes.length > 0),
    );
    const expected = Object.fromEntries(
      Object.entries(defects).map(([file, d]) => [file, [...d.codes].sort()]),
    );
    expect(actual).toEqual(expected);
  });

  it('validates at least 98% of the files Connect saved with no error', () => {
    const saved = modern.filter((f) => f.hasUiMetadata);
    const clean = saved.filter((f) => errorCodes(f).length === 0);
    console.info(`[corpus] ${clean.length}/${saved.length} Connect-saved files validate with no error`);
    expect(clean.length / saved.length).toBeGreaterThanOrEqual(0.98);
  });

  it('reports template placeholders where resources belong as warnings, not errors', () => {
    const withPlaceholders = modern.filter((f) =>
      load(f).diagnostics.some((d) => d.code === 'REFERENCE_PLACEHOLDER'),
    );
    expect(withPlaceholders.length).toBeGreaterThan(10);
    for (const f of withPlaceholders) {
      expect(
        load(f)
          .diagnostics.filter((d) => d.code === 'REFERENCE_PLACEHOLDER')
          .every((d) => d.severity === 'warning'),
      ).toBe(true);
    }
  });

  it('converts every legacy file into a flow that validates and round-trips', () => {
    const failures = legacy
      .map((f) => ({ file: f.file, loaded: load(f) }))
      .filter(
        ({ loaded }) =>
          loaded.format !== 'legacy' ||
          !loaded.roundTrip ||
          loaded.diagnostics.some((d) => d.severity === 'error'),
      )
      .map(
        ({ file, loaded }) =>
          `${file}: ${loaded.diagnostics
            .filter((d) => d.severity === 'error')
            .map((d) => `${d.code} ${d.message}`)
            .join('; ')}`,
      );
    expect(failures).toEqual([]);
    expect(legacy.length).toBeGreaterThan(80);
  });
});
