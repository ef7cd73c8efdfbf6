import { hasPlaceholder } from '../arn/arn.js';
import { type Diagnostic, diagnostic, pointer } from '../diagnostics/diagnostic.js';
import type { ActionNode, FlowModel } from '../model/types.js';

// Reference §1.2: Connect keeps actions in a JS object keyed by Identifier, hence the prototype names.
const FORBIDDEN_CHARACTERS = /[%:(\\/)=$,;[\]{}]/;
const RESERVED = new Set([
  '__proto__',
  'constructor',
  '__defineGetter__',
  '__defineSetter__',
  'toString',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'valueOf',
]);
export const MAX_IDENTIFIER_LENGTH = 50;

/** Why an Identifier is not allowed, or undefined when it is; shared with the designer's rename box. */
export function identifierProblem(id: string): Diagnostic | undefined {
  if (id === '') return diagnostic('ACTION_ID_EMPTY', 'Identifier is empty');
  const length = [...id].length;
  if (length > MAX_IDENTIFIER_LENGTH) {
    return diagnostic(
      'ACTION_ID_TOO_LONG',
      `Identifier "${id}" is ${length} characters; the limit is ${MAX_IDENTIFIER_LENGTH}`,
    );
  }
  if (hasPlaceholder(id)) {
    return diagnostic('REFERENCE_PLACEHOLDER', `Identifier "${id}" holds an unresolved template placeholder`);
  }
  const bad = FORBIDDEN_CHARACTERS.exec(id);
  if (bad)
    return diagnostic(
      'ACTION_ID_FORBIDDEN_CHARACTER',
      `Identifier "${id}" contains the forbidden character "${bad[0]}"`,
    );
  if (RESERVED.has(id)) return diagnostic('ACTION_ID_RESERVED', `Identifier "${id}" is a reserved word`);
  return undefined;
}

export function checkIdentifiers(model: FlowModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < model.actions.length; i++) {
    const a = model.actions[i] as ActionNode;
    if ('raw' in a) continue;
    const problem = identifierProblem(a.id);
    if (problem) out.push({ ...problem, actionId: a.id, path: pointer('Actions', i, 'Identifier') });
    if (seen.has(a.id)) {
      out.push(
        diagnostic('ACTION_ID_DUPLICATE', `Identifier "${a.id}" is used by more than one action`, {
          actionId: a.id,
          path: pointer('Actions', i, 'Identifier'),
        }),
      );
    }
    seen.add(a.id);
  }
  return out;
}
