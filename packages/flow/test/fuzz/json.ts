/**
 * Hostile JSON values: prototype-pollution keys kept as own properties (as JSON.parse keeps them),
 * strings that look like JSONPath, ARNs and template placeholders, lone surrogates, numbers at the
 * edges, deep nesting and huge strings.
 */
import fc from 'fast-check';

export const HOSTILE_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
  'length',
  '0',
  '',
  ' ',
  '$',
  '$end',
  '\u0000',
  '\ud800',
  'a/b~c',
  'x'.repeat(300),
];

/** Keys of the flow language, so mutations hit fields the code reads. */
export const FLOW_KEYS: readonly string[] = [
  'Version',
  'StartAction',
  'Metadata',
  'Actions',
  'Settings',
  'Identifier',
  'Type',
  'Parameters',
  'Transitions',
  'NextAction',
  'Errors',
  'Conditions',
  'Condition',
  'Operator',
  'Operands',
  'ErrorType',
  'ActionMetadata',
  'position',
  'type',
  'name',
  'modules',
  'branches',
  'parameters',
  'metadata',
  'start',
];

export const HOSTILE_STRINGS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  '$.Attributes.__proto__',
  "$.Attributes['__proto__'].polluted",
  '$.constructor.prototype',
  '$..*',
  '$[?(@.x)]',
  "$..[?(@.constructor.constructor('return process')())]",
  '$.Attributes.x',
  '$.External.y',
  'Hello $.Attributes.name, $.Nope.z and $.Attributes["constructor"]',
  '$',
  '$.',
  '$[',
  'arn:aws:connect:us-east-1:123456789012:instance/i-1/queue/q-1',
  'arn:aws:connect:us-east-1:123456789012:instance/i-1/contact-flow/f-1',
  'arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST',
  'arn:',
  'arn:aws:lex:us-east-1:123456789012:bot-alias/B/A',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation placeholder, as real templates carry
  '${Ref}',
  '{{queue}}',
  '%%PROMPT%%',
  '<speak>hi</speak>',
  '<speak><',
  'True',
  'False',
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '2019-10-30',
  'NoMatchingError',
  'NoMatchingCondition',
  'Equals',
  'NumberGreaterThan',
];

/** An object holding exactly these own keys, `__proto__` included, as JSON.parse would build it. */
export function ownObject(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 3, arbitrary: fc.constantFrom(...FLOW_KEYS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 32, 2 ** 53 + 2, 1e21),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Any JSON value, shallow, with hostile keys and leaves. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; node: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, hostileLeaf, tie('node')),
  node: fc.oneof(
    fc.array(tie('value'), { maxLength: 5 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 6 }).map(ownObject),
  ),
})).value;

/** fast-check's own JSON values, the other source of arbitrary JSON. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(hostileJson, fc.jsonValue({ maxDepth: 4 }));

/** `depth` nested arrays or objects around `inner`, built without recursion. */
export function deepValue(depth: number, kind: 'array' | 'object', inner: unknown = null): unknown {
  let v = inner;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : ownObject([['a', v]]);
  return v;
}

/** The same as raw text, optionally left unclosed: what a parser sees before any value exists. */
export function deepText(depth: number, kind: 'array' | 'object', closed: boolean): string {
  const open = kind === 'array' ? '[' : '{"a":';
  const close = kind === 'array' ? ']' : '}';
  return open.repeat(depth) + (closed ? `1${close.repeat(depth)}` : '');
}

/** Depths around the limits that matter: the reader's 64, recursion in validators, 10,000 levels. */
export const nestingDepth: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(63, 64, 65, 200, 1_000, 10_000),
  fc.integer({ min: 1, max: 100 }),
);

/** Lengths around the string limits: identifiers, JSONPath, Connect's 256,000 characters. */
export const hugeLength: fc.Arbitrary<number> = fc.constantFrom(500, 1_025, 70_000, 255_999, 256_001);

export const hugeString: fc.Arbitrary<string> = fc
  .tuple(hugeLength, fc.constantFrom('x', '$.Attributes.a ', '[', '\\', 'é', '\ud800'))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));

/** A member name waiting to be written, told apart from values by its class. */
class Key {
  constructor(readonly name: string) {}
}
const CLOSE_ARRAY = Symbol('close array');
const CLOSE_OBJECT = Symbol('close object');
const COMMA = Symbol('comma');

/**
 * JSON.stringify without recursion, for payloads thousands of levels deep: the harness must be able
 * to send what the code under test has to refuse.
 */
export function jsonText(value: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === CLOSE_ARRAY) out.push(']');
    else if (v === CLOSE_OBJECT) out.push('}');
    else if (v === COMMA) out.push(',');
    else if (v instanceof Key) out.push(`${JSON.stringify(v.name)}:`);
    else if (typeof v === 'object' && v !== null) {
      const array = Array.isArray(v);
      out.push(array ? '[' : '{');
      stack.push(array ? CLOSE_ARRAY : CLOSE_OBJECT);
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] as string;
        stack.push((v as Record<string, unknown>)[k]);
        if (!array) stack.push(new Key(k));
        if (i > 0) stack.push(COMMA);
      }
    } else out.push(JSON.stringify(v) ?? 'null');
  }
  return out.join('');
}
