/**
 * Deep equality of JSON values, for round-trip checks and diffs over documents users wrote.
 * fast-deep-equal calls `a.valueOf()` and `a.toString()` when an object's own differ from
 * Object.prototype's, so a document with a `"valueOf": 0` key made it throw; it also recurses, once
 * per level. This compares own enumerable keys only, with an explicit stack, and ignores key order
 * as JSON does.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  const stack: unknown[] = [a, b];
  while (stack.length > 0) {
    const y = stack.pop();
    const x = stack.pop();
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const k of keys) {
      if (!Object.hasOwn(y, k)) return false;
      stack.push((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]);
    }
  }
  return true;
}
