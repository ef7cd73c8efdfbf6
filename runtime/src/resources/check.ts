/**
 * One check for every way a resource enters an instance (API create and update, bundle, store):
 * the kind's schema, then its rules, then its ID, name and ARN, then its references.
 */
import { type Diagnostic, diagnostic } from '@parley/flow';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { idOfConnectArn } from './fields.js';
import { isResourceKind, resourceType } from './registry.js';
import type { CheckContext, ResourceEntry, ResourceKindName, ResourceType } from './types.js';

export type ResourceCheck = { ok: true; entry: ResourceEntry } | { ok: false; diagnostics: Diagnostic[] };

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const validators = new Map<ResourceKindName, ValidateFunction>();

function validatorOf(type: ResourceType): ValidateFunction {
  let v = validators.get(type.kind);
  if (!v) {
    v = ajv.compile(type.schema);
    validators.set(type.kind, v);
  }
  return v;
}

/** Validates one entry and fills its ID, name and ARN. Never throws. */
export function checkResource(kind: ResourceKindName, input: unknown, ctx: CheckContext): ResourceCheck {
  if (!isResourceKind(kind))
    return {
      ok: false,
      diagnostics: [diagnostic('RESOURCE_KIND_UNKNOWN', `no resource kind "${String(kind)}"`)],
    };
  const type = resourceType(kind);
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return {
      ok: false,
      diagnostics: [
        diagnostic('RESOURCE_INVALID', `/ a ${type.title.toLowerCase()} is a JSON object`, { path: '' }),
      ],
    };
  const validate = validatorOf(type);
  if (!validate(input)) return { ok: false, diagnostics: schemaDiagnostics(validate.errors ?? []) };
  // Rules may rewrite fields (phone numbers to E.164): they work on a copy.
  const fields: Record<string, unknown> = structuredClone(input) as Record<string, unknown>;
  const diagnostics = type.rules?.(fields, ctx) ?? [];
  const givenArn = typeof fields.arn === 'string' ? fields.arn : undefined;
  const id =
    (typeof fields.id === 'string' ? fields.id : undefined) ??
    (givenArn === undefined ? undefined : idOfConnectArn(givenArn)) ??
    ctx.newId();
  const name =
    (typeof fields.name === 'string' ? fields.name : undefined) ?? type.defaultName?.(fields) ?? id;
  const entry: ResourceEntry = { ...fields, id, name, arn: '' };
  entry.arn = type.arn(ctx.instance, { ...entry, ...(givenArn === undefined ? {} : { arn: givenArn }) });
  if (givenArn !== undefined && givenArn !== entry.arn)
    diagnostics.push(
      diagnostic(
        'RESOURCE_ARN_MISMATCH',
        `/arn ${givenArn} is not this ${type.title.toLowerCase()}'s ARN in this instance, ${entry.arn}`,
        { path: '/arn' },
      ),
    );
  diagnostics.push(...unknownReferences(type, entry, ctx.lookup));
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, entry };
}

/** The references of an entry the instance cannot resolve. */
export function unknownReferences(
  type: ResourceType,
  entry: ResourceEntry,
  lookup: CheckContext['lookup'],
): Diagnostic[] {
  return type
    .references(entry)
    .flatMap((r) =>
      lookup(r.kind, r.ref)
        ? []
        : [
            diagnostic(
              'RESOURCE_REFERENCE_UNKNOWN',
              `${r.field} names ${r.kind === 'flow' ? 'flow' : resourceType(r.kind).title.toLowerCase()} "${r.ref}", which this instance does not have`,
              { path: r.field },
            ),
          ],
    );
}

const CHOICES = new Set(['oneOf', 'anyOf']);

/**
 * Ajv's errors as diagnostics. A failed choice (oneOf/anyOf) is reported once, in the words of the
 * `description` next to it, instead of as every branch's complaint; a failed `if` is left to its
 * `then`, which says what is missing.
 */
export function schemaDiagnostics(errors: readonly ErrorObject[], prefix = ''): Diagnostic[] {
  const choices = errors.filter((e) => CHOICES.has(e.keyword));
  const out = new Map<string, Diagnostic>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (choices.some((c) => c !== e && e.schemaPath.startsWith(`${c.schemaPath}/`))) continue;
    let path = `${prefix}${e.instancePath}`;
    let message = e.message ?? 'is not valid';
    if (e.keyword === 'required') {
      path += `/${(e.params as { missingProperty: string }).missingProperty}`;
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      path += `/${(e.params as { additionalProperty: string }).additionalProperty}`;
      message = 'is not a field here';
    } else if (e.keyword === 'enum') {
      message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    } else if (CHOICES.has(e.keyword)) {
      const described = (e.parentSchema as { description?: unknown } | undefined)?.description;
      if (typeof described === 'string') message = described;
    }
    const text = `${path || '/'} ${message}`;
    out.set(text, diagnostic('RESOURCE_INVALID', text, { path }));
  }
  return [...out.values()];
}
