import type { Diagnostic } from '@parley/flow';

const PARAMETER = /^\/Actions\/\d+\/Parameters\/([^/]+)/;
const unescapePointer = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** A block's diagnostics split: those about one parameter (by its name), and the others. */
export function splitDiagnostics(diagnostics: readonly Diagnostic[]): {
  byParameter: Map<string, Diagnostic[]>;
  others: Diagnostic[];
} {
  const byParameter = new Map<string, Diagnostic[]>();
  const others: Diagnostic[] = [];
  for (const d of diagnostics) {
    const m = d.path === undefined ? null : PARAMETER.exec(d.path);
    const key = m?.[1];
    if (key === undefined) {
      others.push(d);
      continue;
    }
    const name = unescapePointer(key);
    byParameter.set(name, [...(byParameter.get(name) ?? []), d]);
  }
  return { byParameter, others };
}
