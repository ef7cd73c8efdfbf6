import { textOf } from '../model/text.js';
import { type ActionBuilder, dig } from './builder.js';
import type { LegacyBranch, LegacyModule, LegacyParameter } from './types.js';
import { exportString, lambdaName, own } from './values.js';

/**
 * How one legacy parameter is carried over.
 * - `'ignore'`: consumed without a trace (implied by the target Type, e.g. `TextToSpeechType`).
 * - `{ to }`: the resolved value is written to `Parameters.<to>` (dotted path); `values` maps static
 *   values (Enable → Enabled); `names` lists module-metadata paths (`queue.text`, `promptName`)
 *   that name the resource when the parameter has no `resourceName`; `resource` writes `""` when the value is missing (as
 *   Connect exports unresolved references), noted unless a name is known; `lambdaName` derives the display name
 *   from a Lambda ARN.
 * - `{ entry }`: a keyed parameter becomes `Parameters.<entry>[key]`.
 * - a function: anything else.
 */
export type ParamRule =
  | 'ignore'
  | {
      to: string;
      values?: Readonly<Record<string, string>>;
      names?: readonly string[];
      resource?: boolean;
      lambdaName?: boolean;
    }
  | { entry: string }
  | ((b: ActionBuilder, p: LegacyParameter, i: number) => void);

/**
 * How one legacy branch is carried over.
 * - `'next'`: the target becomes `NextAction`.
 * - `{ error }`: an `Errors` entry.
 * - `{ operator, operand }`: a fixed condition (True → Equals "True", Looping → Equals ContinueLooping).
 * - `'evaluate'`: a condition from `conditionType`/`conditionValue`.
 * - a function: anything else.
 */
export type BranchRule =
  | 'next'
  | { error: string }
  | { operator: string; operand: string }
  | 'evaluate'
  | ((b: ActionBuilder, br: LegacyBranch & { transition: string }, i: number) => void);

export interface LegacyRule {
  /** The 2019-10-30 `Type`. */
  type: string;
  /** Static parameters every converted action gets (written first, so they lead the object). */
  defaults?: Readonly<Record<string, unknown>>;
  params?: Readonly<Record<string, ParamRule>>;
  branches?: Readonly<Record<string, BranchRule>>;
  /** Legacy branch conditions whose target becomes `NextAction`, by priority. Default: `Success`. */
  next?: readonly string[];
  /** Key order of the converted `Parameters` (as Connect exports them); unlisted keys follow. */
  order?: readonly string[];
  /** The action ends the flow: `Transitions: {}`. */
  terminal?: boolean;
  /** Builds parameters that depend on several legacy parameters, after all of them were read. */
  finish?: (b: ActionBuilder) => void;
}

/** Several 2019-10-30 actions share one legacy type; `select` picks the variant for a module. */
export interface LegacyRuleSet {
  select: (m: LegacyModule, flowType: string) => string;
  variants: Readonly<Record<string, LegacyRule>>;
}

export type LegacyTableEntry = LegacyRule | LegacyRuleSet;

/** Legacy Evaluate operators → Flow-language operators. */
export const EVALUATE_OPERATORS: Readonly<Record<string, string>> = {
  Equals: 'Equals',
  GreaterThan: 'NumberGreaterThan',
  GreaterThanOrEqualTo: 'NumberGreaterOrEqualTo',
  LessThan: 'NumberLessThan',
  LessThanOrEqualTo: 'NumberLessOrEqualTo',
  Contains: 'TextContains',
  StartsWith: 'TextStartsWith',
  EndsWith: 'TextEndsWith',
};

function resourceName(
  b: ActionBuilder,
  p: LegacyParameter,
  names: readonly string[] = [],
): string | undefined {
  if (typeof p.resourceName === 'string' && p.resourceName !== '') return p.resourceName;
  for (const path of names) {
    const name = dig(b.module.metadata, path);
    if (typeof name === 'string' && name !== '') return name;
  }
  return undefined;
}

function applyParam(b: ActionBuilder, rule: ParamRule, p: LegacyParameter, i: number): void {
  if (rule === 'ignore') return;
  if (typeof rule === 'function') {
    rule(b, p, i);
    return;
  }
  if ('entry' in rule) {
    if (typeof p.key !== 'string' || p.key === '') {
      b.note(
        'LEGACY_PARAMETER_DROPPED',
        `parameter ${p.name} has no key; not carried over`,
        b.parameterPath(i),
      );
      return;
    }
    const r = b.resolve(p, i);
    if (r) b.setEntry(rule.entry, p.key, r.value);
    return;
  }
  const name = resourceName(b, p, rule.names);
  const missing = p.value === undefined || p.value === null || p.value === '';
  if (missing && rule.resource) {
    // Connect exports a reference it cannot resolve as "" (plus the name, when it knows one).
    b.set(rule.to, '');
    if (name) b.setDisplayName(rule.to, name);
    else {
      const message = `parameter ${p.name} names no resource; ${rule.to} left empty to be chosen again`;
      b.note('LEGACY_PARAMETER_DROPPED', message, b.parameterPath(i));
    }
    return;
  }
  const r = b.resolve(p, i);
  if (!r) return;
  const mapped = !r.dynamic && rule.values ? (own(rule.values, r.value) ?? r.value) : r.value;
  b.set(rule.to, mapped);
  if (r.dynamic) b.setParameterMetadata(rule.to, 'useDynamic', true);
  b.setDisplayName(rule.to, name ?? (rule.lambdaName && !r.dynamic ? lambdaName(mapped) : undefined));
}

function applyBranch(
  b: ActionBuilder,
  rule: BranchRule,
  br: LegacyBranch & { transition: string },
  i: number,
): void {
  if (rule === 'next') return;
  if (typeof rule === 'function') {
    rule(b, br, i);
    return;
  }
  if (rule === 'evaluate') {
    const operator = own(EVALUATE_OPERATORS, br.conditionType ?? 'Equals');
    const operand = exportString(br.conditionValue);
    if (!operator || operand === undefined) {
      b.note(
        'LEGACY_BRANCH_UNKNOWN',
        `Evaluate branch (${textOf(br.conditionType ?? 'no operator')} ${textOf(br.conditionValue)}) has no 2019-10-30 condition; dropped`,
        b.branchPath(i),
      );
      return;
    }
    b.addCondition(br.transition, operator, operand);
    return;
  }
  if ('error' in rule) b.addError(br.transition, rule.error);
  else b.addCondition(br.transition, rule.operator, rule.operand);
}

/** Runs a rule over the builder's module: parameters, then `finish`, then branches. */
export function applyRule(b: ActionBuilder, rule: LegacyRule): void {
  for (const [k, v] of Object.entries(rule.defaults ?? {})) b.set(k, v);
  b.legacyParameters.forEach((p, i) => {
    if (!p || typeof p !== 'object' || typeof p.name !== 'string') {
      b.note(
        'LEGACY_PARAMETER_DROPPED',
        'parameter is not a {name, value} object; skipped',
        b.parameterPath(i),
      );
      return;
    }
    const pr = own(rule.params, p.name);
    if (pr === undefined) {
      b.note(
        'LEGACY_PARAMETER_DROPPED',
        `parameter ${p.name} has no 2019-10-30 equivalent`,
        b.parameterPath(i),
      );
      return;
    }
    applyParam(b, pr, p, i);
  });
  rule.finish?.(b);
  if (rule.terminal) {
    b.legacyBranches.forEach((br, i) => {
      if (br && typeof br.transition === 'string' && br.transition !== '') {
        b.note(
          'LEGACY_BRANCH_UNKNOWN',
          `${rule.type} ends the flow; branch ${textOf(br.condition)} dropped`,
          b.branchPath(i),
        );
      }
    });
    return;
  }
  const nextOrder = rule.next ?? ['Success'];
  let nextRank = Number.POSITIVE_INFINITY;
  b.legacyBranches.forEach((br, i) => {
    if (!br || typeof br !== 'object' || typeof br.condition !== 'string') {
      b.note(
        'LEGACY_BRANCH_UNKNOWN',
        'branch is not a {condition, transition} object; skipped',
        b.branchPath(i),
      );
      return;
    }
    if (typeof br.transition !== 'string' || br.transition === '') return; // unconnected branch
    const withTarget = br as LegacyBranch & { transition: string };
    const rank = nextOrder.indexOf(br.condition);
    if (rank >= 0 && rank < nextRank) {
      nextRank = rank;
      b.next = br.transition;
    }
    const brRule = own(rule.branches, br.condition) ?? (br.condition === 'Success' ? 'next' : undefined);
    if (brRule === undefined) {
      if (rank < 0) {
        b.note(
          'LEGACY_BRANCH_UNKNOWN',
          `branch ${br.condition} has no 2019-10-30 equivalent`,
          b.branchPath(i),
        );
      }
      return;
    }
    applyBranch(b, brRule, withTarget, i);
  });
}
