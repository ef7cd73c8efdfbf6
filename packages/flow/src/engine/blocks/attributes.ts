/** Set contact attributes: user attributes (Current or Related contact) and flow attributes. */
import { isJsonObject } from '../../model/model.js';
import type { Contact, StringMap } from '../contact.js';
import { engineError } from '../errors.js';
import { type Decider, fail, invalid, parametersOf, type Read, readText } from './common.js';

/** Connect's limit on a contact's user attributes: 32 KB of UTF-8 across keys and values. */
export const MAX_ATTRIBUTE_BYTES = 32768;

/**
 * Resolves every key and value first and writes nothing unless all of them resolve: the block is
 * all-or-nothing.
 */
export const updateContactAttributes: Decider = (action, contact) => {
  const p = parametersOf(action);
  const target = p.TargetContact ?? 'Current';
  if (target !== 'Current' && target !== 'Related') return fail(invalid(`TargetContact "${String(target)}"`));
  const pairs = readPairs(p.Attributes, contact, 'Attributes', (v) => v);
  if (!pairs.ok) return fail(pairs.error);
  const related = target === 'Related';
  const base = related ? (contact.related?.Attributes ?? {}) : contact.Attributes;
  const merged: StringMap = Object.fromEntries([...Object.entries(base), ...pairs.value]);
  if (utf8Length(merged) > MAX_ATTRIBUTE_BYTES)
    return fail(
      engineError('ENGINE_ATTRIBUTES_TOO_LARGE', `attributes would take ${utf8Length(merged)} bytes`),
    );
  // The log writer turns the resolved Attributes into one entry per attribute, as Connect logs them.
  const log = { parameters: { Attributes: Object.fromEntries(pairs.value), TargetContact: target } };
  const contactPatch = related
    ? { related: { ...(contact.related ?? { data: {} }), Attributes: merged } }
    : { Attributes: merged };
  return { outcome: { kind: 'next' }, contactPatch, log };
};

/** Attributes that live while this flow runs, read back as `$.FlowAttributes.<name>`. */
export const updateFlowAttributes: Decider = (action, contact) => {
  // Each entry is { "Value": … } in exports; a bare string is accepted from hand-written flows.
  const pairs = readPairs(parametersOf(action).FlowAttributes, contact, 'FlowAttributes', (v) =>
    isJsonObject(v) ? v.Value : v,
  );
  if (!pairs.ok) return fail(pairs.error);
  const FlowAttributes: StringMap = Object.fromEntries([
    ...Object.entries(contact.FlowAttributes),
    ...pairs.value,
  ]);
  return {
    outcome: { kind: 'next' },
    contactPatch: { FlowAttributes },
    log: {
      parameters: { FlowAttributes: Object.fromEntries(pairs.value.map(([k, v]) => [k, { Value: v }])) },
    },
  };
};

function readPairs(
  map: unknown,
  contact: Contact,
  name: string,
  unwrap: (v: unknown) => unknown,
): Read<[string, string][]> {
  if (!isJsonObject(map)) return { ok: false, error: invalid(`${name} must be an object`) };
  const out: [string, string][] = [];
  for (const [rawKey, rawValue] of Object.entries(map)) {
    const key = readText(rawKey, contact, `${name} key`);
    if (!key.ok) return key;
    if (key.value === '') return { ok: false, error: invalid(`${name} has an empty key`) };
    const value = readText(unwrap(rawValue), contact, `${name}.${key.value}`);
    if (!value.ok) return value;
    out.push([key.value, value.value]);
  }
  return { ok: true, value: out };
}

/** UTF-8 bytes of every key and value, counted without an encoder (this package is platform-free). */
export function utf8Length(map: StringMap): number {
  let n = 0;
  for (const [k, v] of Object.entries(map)) n += bytes(k) + bytes(v);
  return n;
}

function bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
