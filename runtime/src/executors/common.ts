/**
 * What every executor shares: reading parameters as the flow language allows them (static, one
 * whole JSONPath, or text with references), building step results whose log carries the resolved
 * parameters, and waiting on the call, the clock and the run's abort signal at once.
 */
import {
  type ContactPatch,
  describeError,
  type EndReason,
  type EngineErrorCode,
  type ExecutorInput,
  engineError,
  interpolate,
  isWholePath,
  type JsonObject,
  type JsonValue,
  resolveParameters,
  resolvePath,
  type StepLog,
  type StepResult,
  toText,
} from '@parley/flow';
import type { RuntimePorts } from './types.js';

export type Read<T> = { ok: true; value: T } | { ok: false; results: string };

export const paramsOf = (input: ExecutorInput): JsonObject => input.action.parameters ?? {};

/** The flow log's Results for one of the engine's coded problems. */
export const coded = (code: EngineErrorCode, message: string): string =>
  describeError(engineError(code, message));

const invalid = (message: string): Read<never> => ({
  ok: false,
  results: coded('ENGINE_PARAMETER_INVALID', message),
});

/** The parameters as the flow log shows them: dynamic values resolved against the contact. */
export const loggedParameters = (input: ExecutorInput): Record<string, JsonValue> =>
  resolveParameters(paramsOf(input), input.contact);

function step(input: ExecutorInput, outcome: StepResult['outcome'], extra: Extra = {}): StepResult {
  const log: StepLog = { parameters: extra.parameters ?? loggedParameters(input) };
  if (extra.results !== undefined) log.results = extra.results;
  if (extra.externalResults !== undefined) log.externalResults = extra.externalResults;
  return { outcome, log, ...(extra.patch ? { contactPatch: extra.patch } : {}) };
}

export interface Extra {
  patch?: ContactPatch;
  results?: string;
  externalResults?: Record<string, JsonValue>;
  parameters?: Record<string, JsonValue>;
}

export const next = (input: ExecutorInput, extra?: Extra): StepResult => step(input, { kind: 'next' }, extra);

export const condition = (input: ExecutorInput, value: JsonValue | undefined, extra?: Extra): StepResult =>
  step(input, { kind: 'condition', value }, extra);

/** The error branch `errorType` (else NoMatchingError), with why in the log's Results. */
export const fail = (
  input: ExecutorInput,
  errorType: string,
  results: string,
  extra?: Omit<Extra, 'results'>,
): StepResult => step(input, { kind: 'error', errorType }, { ...extra, results });

export const end = (input: ExecutorInput, reason: EndReason, target?: string, extra?: Extra): StepResult =>
  step(input, target === undefined ? { kind: 'end', reason } : { kind: 'end', reason, target }, extra);

/** The caller is gone: the contact is over, whatever the block was doing. */
export const hungUp = (input: ExecutorInput): StepResult =>
  end(input, 'disconnect', undefined, { results: 'The customer hung up.' });

/** A static value or one whole JSONPath (reference §1.5 level 2), as text; a path to nothing fails. */
export function readStatic(value: unknown, input: ExecutorInput, name: string): Read<string> {
  if (isWholePath(value)) return readPath(value.trim(), input);
  if (typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, value: String(value) };
  return invalid(`${name} must be text or a JSONPath`);
}

function readPath(path: string, input: ExecutorInput): Read<string> {
  const r = resolvePath(path, input.contact);
  if (!r.ok) return { ok: false, results: describeError(r.error) };
  const text = toText(r.value);
  if (text === undefined)
    return { ok: false, results: coded('ENGINE_VALUE_MISSING', `${path} has no value on this contact`) };
  return { ok: true, value: text };
}

/**
 * Free text with `$.…` references (level 3). References inside longer text read as empty when
 * missing; a value that is exactly one reference must resolve (as the engine's blocks want), unless
 * `missing: 'empty'`.
 */
export function readText(
  value: unknown,
  input: ExecutorInput,
  name: string,
  options: { markup?: 'ssml'; missing?: 'error' | 'empty' } = {},
): Read<string> {
  if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, value: String(value) };
  if (typeof value !== 'string') return invalid(`${name} must be text`);
  if (isWholePath(value)) {
    const whole = readPath(value.trim(), input);
    if (whole.ok || options.missing !== 'empty' || !whole.results.startsWith('ENGINE_VALUE_MISSING'))
      return whole;
    return { ok: true, value: '' };
  }
  const r = interpolate(value, input.contact, options.markup ? { escape: options.markup } : {});
  return r.ok ? r : { ok: false, results: describeError(r.error) };
}

/**
 * A whole number within a range; exports write them as strings ("8"). Absent values take `fallback`
 * when there is one.
 */
export function readInt(
  value: unknown,
  input: ExecutorInput,
  name: string,
  [min, max]: readonly [number, number],
  fallback?: number,
): Read<number> {
  if (value === undefined || value === '') {
    if (fallback !== undefined) return { ok: true, value: fallback };
    return invalid(`${name} is missing`);
  }
  const text = readStatic(value, input, name);
  if (!text.ok) return text;
  const n = /^\s*-?\d+\s*$/.test(text.value) ? Number(text.value) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    return invalid(`${name} must be a whole number from ${min} to ${max}, not "${text.value}"`);
  return { ok: true, value: n };
}

/** Connect's booleans: `"True"`/`"False"` in exports, true/false in hand-written flows. */
export function readBool(value: unknown, fallback: boolean): boolean {
  if (value === true || value === false) return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  return fallback;
}

export const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export type Settled<T> =
  | { kind: 'done'; value: T }
  | { kind: 'timer' }
  | { kind: 'hungup' }
  | { kind: 'aborted' };

/**
 * Waits for the first of: `work` settling, `timeoutMs` passing on the clock, the call ending, the
 * run being aborted. Listeners and the timer are removed whichever wins; `work` keeps running.
 */
export function settle<T>(
  ports: RuntimePorts,
  work: Promise<T> | undefined,
  timeoutMs?: number,
): Promise<Settled<T>> {
  return new Promise((resolve) => {
    let done = false;
    const cleanups: (() => void)[] = [];
    const finish = (result: Settled<T>) => {
      if (done) return;
      done = true;
      for (const c of cleanups) c();
      resolve(result);
    };
    const signal = ports.signal;
    if (signal?.aborted) return finish({ kind: 'aborted' });
    if (signal) {
      const onAbort = () => finish({ kind: 'aborted' });
      signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener('abort', onAbort));
    }
    if (timeoutMs !== undefined) {
      const timer = ports.clock.setTimeout(() => finish({ kind: 'timer' }), timeoutMs);
      cleanups.push(() => ports.clock.clearTimeout(timer));
    }
    work?.then(
      (value) => finish({ kind: 'done', value }),
      // Ports never reject; one that does anyway ends this wait as the call's end would.
      () => finish({ kind: 'hungup' }),
    );
    // Registered last: a call that already ended calls the listener at once.
    if (done) return;
    const off = ports.call.onEnd(() => finish({ kind: 'hungup' }));
    if (done) off();
    else cleanups.push(off);
  });
}

/** What a stopped run returns: nobody reads it, the machine that asked is gone. */
export const aborted = (input: ExecutorInput): StepResult =>
  end(input, 'endFlow', undefined, { results: 'The flow run was stopped.' });
