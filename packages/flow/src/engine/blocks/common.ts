/** The signature every pure decider shares, and the helpers they use to read parameters. */
import type { ActionNode, JsonObject } from '../../model/types.js';
import type { Contact, ContactPatch, JsonValue } from '../contact.js';
import type { EngineEnv } from '../env.js';
import { describeError, type EngineError, engineError } from '../errors.js';
import { interpolate, isWholePath, resolvePath, toText } from '../resolve.js';
import type { StepLog, StepResult } from '../types.js';

/** A block that needs no telephony: it decides from the action, the contact and the environment. */
export type Decider = (action: ActionNode, contact: Contact, env: EngineEnv) => StepResult;

export type Read<T> = { ok: true; value: T } | { ok: false; error: EngineError };

export const parametersOf = (action: ActionNode): JsonObject => action.parameters ?? {};

export const next = (contactPatch?: ContactPatch, log?: StepLog): StepResult => ({
  outcome: { kind: 'next' },
  ...(contactPatch ? { contactPatch } : {}),
  ...(log ? { log } : {}),
});

/** The error branch, with the coded reason in the flow log's Results. */
export const fail = (
  error: EngineError,
  errorType = 'NoMatchingError',
  contactPatch?: ContactPatch,
): StepResult => ({
  outcome: { kind: 'error', errorType },
  log: { results: describeError(error) },
  ...(contactPatch ? { contactPatch } : {}),
});

export const invalid = (message: string): EngineError => engineError('ENGINE_PARAMETER_INVALID', message);

/**
 * A parameter that is static or one whole JSONPath (reference §1.5 level 2), as text. A path to
 * nothing is an error: the block cannot act on a value that is not there.
 */
export function readPathOrStatic(value: unknown, contact: Contact, name: string): Read<string> {
  if (isWholePath(value)) return readPath(value.trim(), contact);
  if (typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, value: String(value) };
  return { ok: false, error: invalid(`${name} must be text or a JSONPath`) };
}

/** One whole JSONPath as text; missing is an error. */
export function readPath(path: string, contact: Contact): Read<string> {
  const r = resolvePath(path, contact);
  if (!r.ok) return r;
  const text = toText(r.value);
  if (text === undefined)
    return { ok: false, error: engineError('ENGINE_VALUE_MISSING', `${path} has no value on this contact`) };
  return { ok: true, value: text };
}

/**
 * A free-text parameter (level 3). A value that is exactly one path must resolve (Connect's Set
 * contact attributes fails rather than store nothing); references inside longer text read as empty
 * when missing.
 */
export function readText(value: unknown, contact: Contact, name: string): Read<string> {
  if (isWholePath(value)) return readPath(value.trim(), contact);
  if (typeof value === 'string') return interpolate(value, contact);
  if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, value: String(value) };
  return { ok: false, error: invalid(`${name} must be text`) };
}

/** Integers arrive as strings in exports ("3"), as numbers in hand-written flows, or as JSONPaths. */
export function readInt(
  value: unknown,
  contact: Contact,
  name: string,
  [min, max]: readonly [number, number],
): Read<number> {
  const text = readPathOrStatic(value, contact, name);
  if (!text.ok) return text;
  const n = /^\s*-?\d+\s*$/.test(text.value) ? Number(text.value) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    return {
      ok: false,
      error: invalid(`${name} must be a whole number from ${min} to ${max}, not "${text.value}"`),
    };
  return { ok: true, value: n };
}

/** A JSON value for the flow log's Parameters. */
export const logValue = (v: unknown): JsonValue => (v === undefined ? null : (v as JsonValue));
