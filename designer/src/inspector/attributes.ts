import {
  FLOW_DATA,
  type FlowModel,
  isJsonObject,
  isKnownPath,
  type NamespaceTree,
  parsePath,
} from '@parley/flow';

/*
 * What the attribute picker suggests: every JSONPath the flow data has (packages/flow's namespace
 * tree), with `$.Attributes.<name>` for the names the flow sets with Set contact attributes and
 * `$.FlowAttributes.<name>` for its flow attributes; user-chosen keys and open namespaces
 * (`$.Attributes.`, `$.External.`, `$.Lex.`…) are also suggested as prefixes, to be completed by hand.
 */

/** Keys of one map parameter over every action of a type, sorted, without repeats. */
function keysSet(model: FlowModel, type: string, parameter: string): string[] {
  const out = new Set<string>();
  for (const a of model.actions) {
    if ('raw' in a || a.type !== type) continue;
    const map = a.parameters?.[parameter];
    if (isJsonObject(map)) for (const k of Object.keys(map)) if (k !== '') out.add(k);
  }
  return [...out].sort((a, b) => a.localeCompare(b));
}

export interface FlowNames {
  /** User-defined attributes the flow sets ($.Attributes.x). */
  attributes: string[];
  /** Flow attributes the flow sets ($.FlowAttributes.x). */
  flowAttributes: string[];
}

/** The attribute names set elsewhere in the flow. */
export const flowNames = (model: FlowModel): FlowNames => ({
  attributes: keysSet(model, 'UpdateContactAttributes', 'Attributes'),
  flowAttributes: keysSet(model, 'UpdateFlowAttributes', 'FlowAttributes'),
});

/** A path segment as Connect writes it: `.name`, or `['name']` when it has other characters. */
export const segment = (name: string): string =>
  /^[A-Za-z0-9_-]+$/.test(name) ? `.${name}` : `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;

/** Every path the picker suggests, in the tree's order. */
export function pathSuggestions(names: FlowNames, tree: NamespaceTree = FLOW_DATA): string[] {
  const out: string[] = [];
  const fill: Readonly<Record<string, readonly string[]>> = {
    $Attributes: names.attributes,
    $FlowAttributes: names.flowAttributes,
  };
  const walk = (node: NamespaceTree, prefix: string, key: string) => {
    for (const [k, child] of Object.entries(node)) {
      if (k === '*') {
        out.push(`${prefix}.`);
        for (const name of fill[key] ?? []) out.push(`${prefix}${segment(name)}`);
        continue;
      }
      const path = `${prefix}.${k}`;
      if (child === true) out.push(path);
      else if (child === 'any') {
        out.push(`${path}.`);
        for (const name of fill[`${key}${k}`] ?? []) out.push(`${path}${segment(name)}`);
      } else walk(child, path, `${key}${k}`);
    }
  };
  walk(tree, '$', '$');
  return out;
}

/** Why a value is not a JSONPath Connect resolves; undefined when it is one. */
export function pathProblem(value: string): string | undefined {
  if (value === '') return undefined;
  const parsed = parsePath(value);
  if (!parsed.ok) return `Not a JSONPath: ${parsed.reason}`;
  if (!isKnownPath(parsed.segments)) return `${value} is not part of the flow data`;
  return undefined;
}
