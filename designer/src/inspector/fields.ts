import { type BlockSpec, isJsonObject, RESOURCE_KINDS, type ResourceKind } from '@parley/flow';

/*
 * The inspector's form, read from a block's parameter schema (the catalog's TypeBox JSON Schema and
 * its x-dynamic / x-range / x-enum / x-resource annotations). Framework-free: the React fields only
 * draw what this says. Whatever the schema does not describe well enough for a form (unions, values
 * of any shape, parameters the catalog does not know) becomes a JSON field, so nothing is hidden.
 */

export type FieldKind =
  | 'text'
  | 'ssml'
  | 'number'
  | 'boolean'
  | 'enum'
  | 'resource'
  | 'attributes-map'
  | 'list'
  | 'object'
  | 'json';

/**
 * How a value may use JSONPath (params.ts): `static` none, `path` static or one whole JSONPath,
 * `text` free text with embedded references, `pathOnly` one whole JSONPath.
 */
export type DynamicMode = 'static' | 'path' | 'text' | 'pathOnly';

export interface Field {
  /** The parameter (or property) name; '' for the item of a list or the value of a map. */
  key: string;
  /** Where the value lives below the parameters (or below the item, for a list's or map's). */
  path: readonly string[];
  kind: FieldKind;
  label: string;
  help: string | undefined;
  required: boolean;
  /** From x-dynamic; undefined where the schema does not say (lists, maps, objects, JSON). */
  dynamic: DynamicMode | undefined;
  /** number: x-range, inclusive. */
  range?: readonly [number, number];
  /** number: decimals allowed (x-decimal); integers otherwise. */
  decimal?: boolean;
  /** enum: the values (enum, or x-enum when dynamic). */
  options?: readonly string[];
  /** resource: the kind of resource the value names. */
  resource?: ResourceKind;
  /** A regular expression the static value must match. */
  pattern?: string;
  /** object: its properties. */
  fields?: readonly Field[];
  /** list: the field of one item; attributes-map: the field of one value. */
  item?: Field;
  /** attributes-map: the only keys it may have, when the schema closes them. */
  keys?: readonly string[];
  /** list: most items; attributes-map: most entries. */
  max?: number;
  /** Top-level parameters that may not be set together with this one (exactlyOneOf / atMostOneOf). */
  exclusive?: readonly string[];
  /** Set on a parameter the catalog does not describe (kept and shown as JSON). */
  unknown?: boolean;
}

type Schema = Readonly<Record<string, unknown>>;

const DYNAMIC_MODES: readonly string[] = ['static', 'path', 'text', 'pathOnly'];
const RESOURCES: readonly string[] = RESOURCE_KINDS;
const BOOLEAN_WORDS = new Set(['True', 'False', 'true', 'false', 'TRUE', 'FALSE']);

const schemaOf = (v: unknown): Schema | undefined => (isJsonObject(v) ? v : undefined);
const stringsOf = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
const typesOf = (s: Schema): string[] => (typeof s.type === 'string' ? [s.type] : (stringsOf(s.type) ?? []));

/** Words people read: `InputTimeLimitSeconds` → `Input time limit seconds`, `LambdaFunctionARN` → `Lambda function ARN`. */
export function humanize(key: string): string {
  const words = key.match(/[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+/g);
  if (!words) return key;
  return words
    .map((w, i) => {
      if (w === 'Id') return 'ID';
      if (w.length > 1 && w === w.toUpperCase()) return w;
      return i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w.toLowerCase();
    })
    .join(' ');
}

function dynamicOf(s: Schema): DynamicMode | undefined {
  const d = s['x-dynamic'];
  return typeof d === 'string' && DYNAMIC_MODES.includes(d) ? (d as DynamicMode) : undefined;
}

function rangeOf(s: Schema): readonly [number, number] | undefined {
  const r = s['x-range'];
  return Array.isArray(r) && r.length === 2 && typeof r[0] === 'number' && typeof r[1] === 'number'
    ? [r[0], r[1]]
    : undefined;
}

function isBooleanSchema(s: Schema): boolean {
  const values = Array.isArray(s.enum) ? s.enum : undefined;
  return (
    values !== undefined &&
    values.length > 0 &&
    values.every((v) => typeof v === 'boolean' || (typeof v === 'string' && BOOLEAN_WORDS.has(v)))
  );
}

/** The schema of a map's values: TypeBox writes Record as patternProperties, hand-built maps additionalProperties. */
function mapValueOf(s: Schema): Schema | undefined {
  const patterns = schemaOf(s.patternProperties);
  if (patterns) {
    const values = Object.values(patterns);
    return values.length === 1 ? schemaOf(values[0]) : undefined;
  }
  return schemaOf(s.additionalProperties);
}

interface Place {
  key: string;
  path: readonly string[];
  required: boolean;
}

/** The field for one schema; never throws, whatever the schema. */
export function fieldOf(schema: unknown, place: Place): Field {
  const s = schemaOf(schema) ?? {};
  const base: Field = {
    key: place.key,
    path: place.path,
    kind: 'json',
    label: typeof s.title === 'string' ? s.title : place.key === '' ? 'Value' : humanize(place.key),
    help: typeof s.description === 'string' ? s.description : undefined,
    required: place.required,
    dynamic: dynamicOf(s),
  };
  if (typeof s.pattern === 'string') base.pattern = s.pattern;
  const types = typesOf(s);

  if (s.anyOf !== undefined || s.oneOf !== undefined) return base;
  const resource = s['x-resource'];
  if (typeof resource === 'string' && RESOURCES.includes(resource))
    return { ...base, kind: 'resource', resource: resource as ResourceKind };
  const range = rangeOf(s);
  if (range) return { ...base, kind: 'number', range, ...(s['x-decimal'] === true ? { decimal: true } : {}) };
  if (isBooleanSchema(s)) return { ...base, kind: 'boolean' };
  const options = stringsOf(s.enum) ?? stringsOf(s['x-enum']);
  if (options) return { ...base, kind: 'enum', options };
  if (types.length === 1 && types[0] === 'string')
    return { ...base, kind: place.key === 'SSML' ? 'ssml' : 'text' };
  if (types.length === 1 && types[0] === 'array') {
    const item = fieldOf(s.items, { key: '', path: [], required: true });
    const max = typeof s.maxItems === 'number' ? { max: s.maxItems } : {};
    return { ...base, kind: 'list', item: { ...item, label: humanize(place.key) }, ...max };
  }
  if (types.length === 1 && types[0] === 'object') {
    const properties = schemaOf(s.properties);
    if (properties && Object.keys(properties).length > 0)
      return { ...base, kind: 'object', fields: fieldsOfObject(s, place.path) };
    const value = mapValueOf(s);
    if (!value || Object.keys(value).length === 0) return base;
    const item = fieldOf(value, { key: '', path: [], required: true });
    if (item.kind === 'json') return base;
    const keys = stringsOf(schemaOf(s.propertyNames)?.enum);
    const max = typeof s.maxProperties === 'number' ? { max: s.maxProperties } : {};
    return { ...base, kind: 'attributes-map', item, ...(keys ? { keys } : {}), ...max };
  }
  return base;
}

function fieldsOfObject(s: Schema, path: readonly string[]): Field[] {
  const required = new Set(stringsOf(s.required) ?? []);
  return Object.entries(schemaOf(s.properties) ?? {}).map(([key, p]) =>
    fieldOf(p, { key, path: [...path, key], required: required.has(key) }),
  );
}

/** Parameters that exclude each other, by name: from exactlyOneOf and atMostOneOf. */
function exclusions(block: BlockSpec): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const group of [...(block.exactlyOneOf ?? []), ...(block.atMostOneOf ?? [])])
    for (const key of group) {
      const others = group.filter((k) => k !== key);
      out.set(key, [...new Set([...(out.get(key) ?? []), ...others])]);
    }
  return out;
}

/** The form of a block: one field per parameter of its schema, in the catalog's order. */
export function fieldsOf(block: BlockSpec): Field[] {
  const excluded = exclusions(block);
  return fieldsOfObject(block.parameters as unknown as Schema, []).map((f) => {
    const others = excluded.get(f.key);
    return others ? { ...f, exclusive: others } : f;
  });
}

/**
 * The form of one action: its block's fields, then a JSON field for each parameter it holds that
 * the block does not describe (or for every parameter, when the catalog does not know the type).
 */
export function fieldsOfAction(block: BlockSpec | undefined, parameters: unknown): Field[] {
  const known = block ? fieldsOf(block) : [];
  const names = new Set(known.map((f) => f.key));
  const extra = Object.keys(isJsonObject(parameters) ? parameters : {})
    .filter((key) => !names.has(key))
    .map(
      (key): Field => ({
        key,
        path: [key],
        kind: 'json',
        label: key,
        help: block
          ? `Not a parameter of ${block.ui.label}: kept as it is.`
          : 'The catalog does not know this block: kept as it is.',
        required: false,
        dynamic: undefined,
        unknown: true,
      }),
    );
  return [...known, ...extra];
}

/** Every field of a form, depth first (nested objects' fields, list items, map values). */
export function* walkFields(fields: readonly Field[]): Generator<Field> {
  for (const f of fields) {
    yield f;
    if (f.fields) yield* walkFields(f.fields);
    if (f.item) yield* walkFields([f.item]);
  }
}
