/**
 * Deep equality of JSON values, for round-trip checks and diffs over documents users wrote.
 * fast-deep-equal calls `a.valueOf()` and `a.toString()` when an object's own differ from
 * Object.prototype's, so a document with a `"valueOf": 0` key made it throw; it also recurses, once
 * per level. This compares own enumerable keys only, with an explicit stack, and ignores key order
 * as JSON does.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!bothObjects(a, b)) return false;
  // Only pairs of containers are pushed: equal leaves, most of a document, are settled in place.
  const stack: unknown[] = [a, b];
  while (stack.length > 0) {
    const y = stack.pop() as Record<string, unknown>;
    const x = stack.pop() as Record<string, unknown>;
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) {
        const xv: unknown = x[i];
        const yv: unknown = y[i];
        if (xv === yv) continue;
        if (!bothObjects(xv, yv)) return false;
        stack.push(xv, yv);
      }
      continue;
    }
    if (Array.isArray(y)) return false;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const k of keys) {
      if (!Object.hasOwn(y, k)) return false;
      const xv = x[k];
      const yv = y[k];
      if (xv === yv) continue;
      if (!bothObjects(xv, yv)) return false;
      stack.push(xv, yv);
    }
  }
  return true;
}

const bothObjects = (x: unknown, y: unknown): boolean =>
  typeof x === 'object' && typeof y === 'object' && x !== null && y !== null;
