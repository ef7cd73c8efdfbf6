/**
 * What every fuzz case must satisfy, whatever the target: nothing thrown but a `Finding`, every
 * refusal a coded diagnostic, no object whose prototype was swapped by a `__proto__` key, and
 * Object.prototype left as it was.
 */
import { CODES } from '../../src/diagnostics/codes.js';

export type FindingKind =
  | 'crash'
  | 'uncoded'
  | 'pollution'
  | 'prototype'
  | 'round-trip'
  | 'contract'
  | 'hang';

/** A broken promise, as opposed to a crash (anything else thrown by the code under test). */
export class Finding extends Error {
  constructor(
    readonly kind: FindingKind,
    message: string,
  ) {
    super(`${kind}: ${message}`);
    this.name = 'Finding';
  }
}

export function must(condition: boolean, kind: FindingKind, message: () => string): asserts condition {
  if (!condition) throw new Finding(kind, message());
}

const isCode = (code: unknown): boolean => typeof code === 'string' && Object.hasOwn(CODES, code);

/** Each entry is a Diagnostic: a catalogued code, a severity and a message. */
export function expectCoded(diagnostics: unknown, where: string): void {
  must(Array.isArray(diagnostics), 'uncoded', () => `${where}: diagnostics is not an array`);
  for (const d of diagnostics as unknown[]) {
    const code = (d as { code?: unknown } | null)?.code;
    must(
      isCode(code),
      'uncoded',
      () => `${where}: ${JSON.stringify(d)?.slice(0, 300)} has no catalogued code`,
    );
    const { severity, message } = d as { severity?: unknown; message?: unknown };
    must(
      severity === 'error' || severity === 'warning' || severity === 'info',
      'uncoded',
      () => `${where}: ${String(code)} has severity ${String(severity)}`,
    );
    must(typeof message === 'string', 'uncoded', () => `${where}: ${String(code)} has no message`);
  }
}

export const isCatalogued = isCode;

const PLAIN: ReadonlySet<unknown> = new Set([Object.prototype, Array.prototype, null]);
const MAX_NODES = 200_000;

/**
 * Walks a result (document, model, report) and refuses any object whose prototype is not a plain
 * object's or an array's: `obj[key] = v` with key `__proto__` swaps the prototype instead of keeping
 * the key, which silently drops data and can smuggle inherited properties in.
 */
export function expectPlainTree(root: unknown, where: string): void {
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  let nodes = 0;
  while (stack.length > 0 && nodes++ < MAX_NODES) {
    const v = stack.pop();
    if (typeof v === 'function') throw new Finding('prototype', `${where}: holds a function`);
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (ArrayBuffer.isView(v)) continue;
    const proto = Object.getPrototypeOf(v);
    must(
      PLAIN.has(proto),
      'prototype',
      () => `${where}: an object has a foreign prototype ${describe(proto)}`,
    );
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
}

function describe(proto: unknown): string {
  try {
    return JSON.stringify(proto)?.slice(0, 200) ?? String(proto);
  } catch {
    return '(unprintable)';
  }
}

// Taken when this module loads, before any case runs.
const PRISTINE = new Map<object, string[]>(
  [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => [
    p,
    Reflect.ownKeys(p).map(String).sort(),
  ]),
);

/**
 * Refuses a case after which a built-in prototype has a key it did not have: prototype pollution.
 * The keys are removed again so one finding does not poison every later case.
 */
export function expectUnpolluted(where: string): void {
  for (const [proto, keys] of PRISTINE) {
    const now = Reflect.ownKeys(proto);
    if (now.length === keys.length) continue;
    const added = now.filter((k) => !keys.includes(String(k)));
    for (const k of added) delete (proto as Record<PropertyKey, unknown>)[k];
    throw new Finding('pollution', `${where}: a built-in prototype gained ${added.map(String).join(', ')}`);
  }
}

/** Runs one case's code under test: a thrown Finding passes through, anything else is a crash. */
export function guarded<T>(where: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof Finding) throw e;
    throw new Finding('crash', `${where} threw ${describeError(e)}`);
  }
}

export async function guardedAsync<T>(where: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof Finding) throw e;
    throw new Finding('crash', `${where} threw ${describeError(e)}`);
  }
}

export function describeError(e: unknown): string {
  if (e instanceof Error)
    return `${e.name}: ${e.message.slice(0, 500)}\n${e.stack?.split('\n').slice(1, 8).join('\n') ?? ''}`;
  return String(e).slice(0, 500);
}

/**
 * Deep equality of JSON values without recursion, so a 10,000-level document cannot overflow the
 * oracle's own stack and be blamed on the code under test. Key order is ignored, as JSON ignores it.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  const stack: [unknown, unknown][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop() as [unknown, unknown];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    if (kx.length !== ky.length) return false;
    for (const k of kx) {
      if (!Object.hasOwn(y, k)) return false;
      stack.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]]);
    }
  }
  return true;
}
