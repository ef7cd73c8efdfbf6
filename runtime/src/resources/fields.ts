/**
 * What the kinds share: schema pieces for IDs, names and references, Connect-shaped ARNs, phone
 * numbers, and the helpers kinds use to list their references and report their rules.
 */
import { type Code, type Diagnostic, diagnostic, parseFlowType } from '@parley/flow';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CheckContext, InstanceNamespace, ResourceKindName, ResourceReference } from './types.js';

// IDs become ARN parts and URL path segments, so they keep to characters neither needs to escape.
export const idSchema = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,255}$' } as const;
export const nameSchema = { type: 'string', minLength: 1, maxLength: 127 } as const;
export const descriptionSchema = { type: 'string', maxLength: 250 } as const;
export const arnSchema = { type: 'string', pattern: '^arn:', maxLength: 2048 } as const;
/** Another resource, by ID, ARN or name. */
export const refSchema = { type: 'string', minLength: 1, maxLength: 2048 } as const;
/** Checked by the rules (libphonenumber), so every problem with a number gets one code. */
export const phoneSchema = { type: 'string', minLength: 1, maxLength: 40 } as const;

/**
 * An entry's schema: `id`, `name`, `arn` and `description` plus the kind's fields; nothing else.
 * `named` says which fields may stand in for the name (the entry needs one of them).
 */
export function entrySchema(
  title: string,
  properties: Record<string, unknown>,
  options: { required?: string[]; named?: string[]; allOf?: unknown[] } = {},
): Record<string, unknown> {
  const allOf = [...(options.allOf ?? [])];
  if (options.named)
    allOf.unshift({
      description: `needs ${options.named.map((n) => `\`${n}\``).join(' or ')}`,
      anyOf: options.named.map((n) => ({ required: [n] })),
    });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title,
    type: 'object',
    additionalProperties: false,
    ...(options.required?.length ? { required: options.required } : {}),
    properties: {
      id: idSchema,
      name: nameSchema,
      arn: arnSchema,
      description: descriptionSchema,
      ...properties,
    },
    ...(allOf.length ? { allOf } : {}),
  };
}

/** `arn:aws:connect:REGION:ACCOUNT:instance/ID/<segment>/<id>`. */
export const connectArn = (ns: InstanceNamespace, segment: string, id: string): string =>
  `arn:${ns.partition}:connect:${ns.region}:${ns.account}:instance/${ns.id}/${segment}/${id}`;

/** The resource ID a Connect ARN ends with (under an instance, or a phone number's). */
export function idOfConnectArn(arn: string): string | undefined {
  return /^arn:[^:]+:connect:[^:]*:[^:]*:(?:instance\/[^/]+\/[a-z-]+|phone-number)\/([^/:]+)$/.exec(arn)?.[1];
}

/** A phone number as E.164 when it is a valid one (formatting ignored), else undefined. */
export function e164Of(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed.startsWith('+')) return undefined;
  const parsed = parsePhoneNumberFromString(trimmed);
  return parsed?.isValid() ? parsed.number : undefined;
}

const str = (v: unknown): v is string => typeof v === 'string';

/** The reference a string field holds, if it holds one. */
export function refAt(fields: Record<string, unknown>, field: string, kind: ResourceReference['kind']) {
  const v = fields[field];
  return str(v) ? [{ field: `/${field}`, kind, ref: v }] : [];
}

/** The references a string array field holds. */
export function refsIn(fields: Record<string, unknown>, field: string, kind: ResourceKindName) {
  const v = fields[field];
  if (!Array.isArray(v)) return [];
  return v.flatMap((ref, i) => (str(ref) ? [{ field: `/${field}/${i}`, kind, ref }] : []));
}

export const fieldProblem = (code: Code, field: string, message: string): Diagnostic =>
  diagnostic(code, `${field} ${message}`, { path: field });

/** Checks a phone-number field and rewrites it as E.164. */
export function normalisePhone(fields: Record<string, unknown>, field: string, out: Diagnostic[]): void {
  const v = fields[field];
  if (!str(v)) return;
  const number = e164Of(v);
  if (number) fields[field] = number;
  else
    out.push(
      fieldProblem(
        'RESOURCE_PHONE_INVALID',
        `/${field}`,
        `"${v}" is not a valid phone number in E.164 (+ country code and number)`,
      ),
    );
}

/** Checks that a flow field names a flow of the type Connect requires there, when the type is known. */
export function flowOfType(
  fields: Record<string, unknown>,
  field: string,
  expected: string,
  ctx: CheckContext,
  out: Diagnostic[],
): void {
  const ref = fields[field];
  if (!str(ref) || !ctx.flowType) return;
  const raw = ctx.flowType(ref);
  const type = raw === undefined ? undefined : (parseFlowType(raw) ?? raw);
  if (type !== undefined && type !== expected)
    out.push(
      fieldProblem(
        'RESOURCE_FLOW_TYPE_MISMATCH',
        `/${field}`,
        `names flow "${ref}" of type ${type}, not ${expected}`,
      ),
    );
}

/** JSON Schema's `if`/`then`, built in one place. */
export const ifThen = (condition: unknown, consequence: unknown) => ({
  if: condition,
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keywords
  then: consequence,
});
