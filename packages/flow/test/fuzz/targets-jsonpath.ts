/**
 * JSONPath as the flow language parses it and the engine resolves it. Resolution is checked against
 * a model: a plain walk of own properties of the contact's flow data. Anything else it returns came
 * from a prototype, a string's own properties or JSONPath syntax that should have been refused.
 */
import fc from 'fast-check';
import { flowData } from '../../src/engine/contact.js';
import { interpolate, resolveParameters, resolvePath, resolveValue } from '../../src/engine/resolve.js';
import { parsePath } from '../../src/jsonpath/parse.js';
import { hostileJson, hostileKey, ownObject } from './json.js';
import { type ContactSpec, contactOf, contactSpec, hostilePath, textWithReferences } from './jsonpath.js';
import { expectCoded, expectPlainTree, expectUnpolluted, guarded, jsonEqual, must } from './oracle.js';
import type { FuzzTarget } from './run.js';

export interface JsonPathCase {
  path: string;
  text: string;
  ssml: boolean;
  contact: ContactSpec;
  parameters: Record<string, unknown>;
}

const jsonPathCase: fc.Arbitrary<JsonPathCase> = fc.record({
  path: hostilePath,
  text: textWithReferences,
  ssml: fc.boolean(),
  contact: contactSpec,
  parameters: fc
    .array(
      fc.tuple(fc.oneof(hostileKey, hostilePath), fc.oneof(hostilePath, textWithReferences, hostileJson)),
      {
        maxLength: 4,
      },
    )
    .map(ownObject),
});

/** What a path addresses: own properties only, through objects and arrays only; null reads as nothing. */
function ownWalk(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const s of segments) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, s)) return undefined;
    node = (node as Record<string, unknown>)[s];
  }
  return node === null ? undefined : node;
}

const engineError = (e: { code: string; message: string }) => [{ ...e, severity: 'error' }];

export const jsonPathTarget: FuzzTarget = {
  name: 'jsonpath',
  description: 'parsePath, resolvePath, interpolate and resolveParameters with hostile paths and contacts',
  weight: 2,
  open: () => ({
    arbitrary: jsonPathCase,
    check(c: JsonPathCase) {
      const contact = contactOf(c.contact);
      const parsed = guarded('parsePath', () => parsePath(c.path));
      const resolved = guarded('resolvePath', () => resolvePath(c.path, contact));
      expectUnpolluted('resolvePath');
      if (!parsed.ok) {
        must(
          !resolved.ok && resolved.error.code === 'ENGINE_PATH_INVALID',
          'contract',
          () => `an invalid path resolved: ${JSON.stringify(resolved)}`,
        );
      }
      if (!resolved.ok) {
        expectCoded(engineError(resolved.error), 'resolvePath');
        must(resolved.error.code.startsWith('ENGINE_PATH_'), 'contract', () => resolved.error.code);
      } else if (parsed.ok) {
        const expected = ownWalk(flowData(contact), parsed.segments);
        must(
          jsonEqual(resolved.value, expected),
          'contract',
          () =>
            `${c.path} resolved to ${JSON.stringify(resolved.value)?.slice(0, 200)}, not ${JSON.stringify(expected)?.slice(0, 200)}`,
        );
      }
      const value = guarded('resolveValue', () => resolveValue(c.path, contact));
      if (!value.ok) expectCoded(engineError(value.error), 'resolveValue');
      const text = guarded('interpolate', () =>
        interpolate(c.text, contact, c.ssml ? { escape: 'ssml' } : {}),
      );
      if (text.ok) must(typeof text.value === 'string', 'contract', () => 'interpolate gave a non-string');
      else expectCoded(engineError(text.error), 'interpolate');
      const logged = guarded('resolveParameters', () => resolveParameters(c.parameters, contact));
      expectPlainTree(logged, 'resolved parameters');
      guarded('JSON of resolved parameters', () => JSON.stringify(logged));
      expectUnpolluted('resolveParameters');
    },
  }),
};
