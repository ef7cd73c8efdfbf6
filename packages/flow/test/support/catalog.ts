import { getBlock } from '../../src/catalog/index.js';
import type { JsonObject } from '../../src/model/types.js';
import { checkParameters } from '../../src/validate/parameters.js';
import { corpusFiles } from './paths.js';

/**
 * The errors the validator reports for these parameters of a block (schema, dynamic-ness, exclusive
 * groups), as "CODE message". Catalog tests use the real validator, keywords and all, so what they
 * accept is what `parley validate` accepts.
 */
export function parameterErrors(type: string, parameters: JsonObject): string[] {
  const block = getBlock(type);
  if (!block) throw new Error(`no catalog entry for ${type}`);
  const action = { id: 'a', type, parameters, transitions: undefined, rest: {} };
  return checkParameters(action, block, 0)
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.message}`);
}

export interface CorpusAction {
  file: string;
  /** The file carries designer metadata: Connect itself almost certainly saved it. */
  hasUiMetadata: boolean;
  action: {
    Identifier: string;
    Type: string;
    Parameters?: JsonObject;
    Transitions?: {
      Errors?: { ErrorType?: string }[];
      Conditions?: { Condition?: { Operator?: string; Operands?: unknown[] } }[];
    } & JsonObject;
  };
}

/** Every action of the given types in the real exports under modern/ and embedded/. */
export function corpusActions(types: ReadonlySet<string>): CorpusAction[] {
  const out: CorpusAction[] = [];
  for (const f of corpusFiles()) {
    if (f.kind === 'legacy') continue;
    let doc: { Actions?: unknown };
    try {
      doc = JSON.parse(f.bytes.toString('utf8'));
    } catch {
      continue; // unparsable files are the reader's business, tested in corpus.test.ts
    }
    if (!Array.isArray(doc.Actions)) continue;
    for (const action of doc.Actions as CorpusAction['action'][]) {
      if (action && types.has(action.Type))
        out.push({ file: f.file, hasUiMetadata: f.hasUiMetadata, action });
    }
  }
  return out;
}
