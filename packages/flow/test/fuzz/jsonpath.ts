/**
 * Hostile JSONPath: filters and scripts, recursive descent, wildcards, prototype walks, quoted
 * segments that smuggle syntax, huge indexes and lengths; and contacts whose data holds
 * prototype-pollution keys. Paths are built from segments so they are often almost valid.
 */
import fc from 'fast-check';
import { type Contact, createContact } from '../../src/engine/contact.js';
import { HOSTILE_KEYS, hostileJson, hostileKey, ownObject } from './json.js';

export const HOSTILE_PATHS: readonly string[] = [
  '$..*',
  '$..Attributes',
  '$.*',
  '$[*]',
  '$[?(@.x)]',
  "$[?(@.constructor.constructor('return process')())]",
  '$..[?(@.x == 1)]',
  '$.Attributes[(@.length-1)]',
  '$.constructor.prototype',
  '$.constructor',
  '$.__proto__',
  "$['__proto__']",
  '$.Attributes.__proto__',
  "$.Attributes['__proto__'].polluted",
  '$.Attributes.constructor',
  '$.Attributes.constructor.prototype',
  '$.Attributes.hasOwnProperty',
  '$.External.toString',
  '$.External.x.length',
  '$.Attributes.name.length',
  '$.Attributes.name[0]',
  '$.External[99999999999999999999]',
  '$.External[999999999]',
  '$.External[-1]',
  '$.External[0,1]',
  '$.External[0:2]',
  "$.Attributes['`x']",
  "$.Attributes['a\\'b']",
  "$.Attributes['x']['y']",
  "$.Attributes.['first name']",
  '$.Attributes["first name"]',
  '$.Attributes.',
  '$.',
  '$',
  '$[',
  "$['",
  '$.Lex.SessionAttributes.x-amz-lex:channel',
  '$.Media.Sip.Headers.P-Asserted-Identity',
  `$${'.a'.repeat(40)}`,
  `$.Attributes.${'x'.repeat(1100)}`,
  `$${"['a']".repeat(200)}`,
];

const NAMES = ['Attributes', 'External', 'Lex', 'Queue', 'Name', 'FlowAttributes', 'Media', 'Sip', 'Headers'];

const segment: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(...NAMES, ...HOSTILE_KEYS.filter((k) => /^\w+$/.test(k))).map((n) => `.${n}`),
  },
  { weight: 2, arbitrary: hostileKey.map((k) => `['${k.replace(/'/g, "\\'")}']`) },
  { weight: 1, arbitrary: hostileKey.map((k) => `.["${k}"]`) },
  { weight: 1, arbitrary: fc.oneof(fc.nat(), fc.constantFrom(2 ** 31, 2 ** 53, 1e21)).map((n) => `[${n}]`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '..',
      '.*',
      '[*]',
      '[?(@.a)]',
      '[(1)]',
      '[0,1]',
      '[-1]',
      '[:]',
      '.',
      '[',
      "['",
      '@',
      '\\',
    ),
  },
);

const pathCharacters = fc.string({
  unit: fc.constantFrom(...'$.[]\'"?@()*`\\ -_:/0123456789aAxZ'.split(''), '\u0000', 'é', '\ud800'),
  maxLength: 40,
});

export const hostilePath: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PATHS) },
  { weight: 5, arbitrary: fc.array(segment, { maxLength: 6 }).map((s) => `$${s.join('')}`) },
  { weight: 1, arbitrary: pathCharacters },
  { weight: 1, arbitrary: pathCharacters.map((s) => `$.${s}`) },
);

/** Free text with references in it, as prompts and attribute values hold them. */
export const textWithReferences: fc.Arbitrary<string> = fc
  .array(fc.oneof(hostilePath, fc.string({ maxLength: 10 })), { maxLength: 5 })
  .map((parts) => parts.join(' '));

const stringMap = fc
  .array(fc.tuple(hostileKey, fc.string({ maxLength: 10 })), { maxLength: 5 })
  .map(ownObject);
const jsonMap = fc.array(fc.tuple(hostileKey, hostileJson), { maxLength: 5 }).map(ownObject);

export interface ContactSpec {
  attributes: Record<string, unknown>;
  external: Record<string, unknown>;
  lex: Record<string, unknown>;
  namespaces: Record<string, unknown>;
  headers: Record<string, unknown>;
}

export const contactSpec: fc.Arbitrary<ContactSpec> = fc.record({
  attributes: stringMap,
  external: jsonMap,
  lex: jsonMap,
  namespaces: fc
    .array(fc.tuple(fc.constantFrom('Agent', 'Customer', '__proto__', 'constructor'), jsonMap), {
      maxLength: 3,
    })
    .map(ownObject),
  headers: stringMap,
});

export function contactOf(spec: ContactSpec): Contact {
  return createContact({
    ContactId: 'fuzz',
    Attributes: spec.attributes as Record<string, string>,
    External: spec.external as Contact['External'],
    Lex: spec.lex as Contact['Lex'],
    Namespaces: spec.namespaces as Contact['Namespaces'],
    Media: { Sip: { Headers: spec.headers as Record<string, string> } },
  });
}
