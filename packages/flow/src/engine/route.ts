/**
 * The transition rule (reference §2.4): a result takes the first Condition that holds, else the
 * `NoMatchingCondition` error branch, else NextAction; an error takes its own ErrorType, else
 * `NoMatchingError`; plain success takes NextAction. Whatever leads nowhere ends the flow.
 */
import { END_OF_FLOW } from '../model/model.js';
import type { TransitionSet } from '../model/types.js';
import { type MatchOptions, matchCondition } from './conditions.js';
import type { Contact, JsonValue } from './contact.js';
import { isWholePath, resolvePath } from './resolve.js';
import type { Outcome } from './types.js';

/** Which entry of Transitions was taken. */
export type Branch =
  | { kind: 'condition'; index: number }
  | { kind: 'error'; index: number; errorType: string }
  | { kind: 'next' }
  /** No entry applies: the flow ends. */
  | { kind: 'none' };

export interface Route {
  branch: Branch;
  /** The next action's Identifier; undefined ends the flow. */
  target: string | undefined;
}

const END: Route = { branch: { kind: 'none' }, target: undefined };

/** An unconnected branch ("") and Connect's `$end` both mean the end of the flow. */
const targetOf = (t: string | undefined): string | undefined =>
  t === undefined || t === '' || t === END_OF_FLOW ? undefined : t;

export function selectTransition(
  transitions: TransitionSet | undefined,
  outcome: Outcome,
  contact: Contact,
  options: MatchOptions = {},
): Route {
  if (!transitions || outcome.kind === 'end') return END;
  switch (outcome.kind) {
    case 'next':
      return next(transitions);
    case 'error':
      return error(transitions, outcome.errorType) ?? error(transitions, 'NoMatchingError') ?? END;
    case 'condition': {
      const conditions = transitions.conditions ?? [];
      for (let index = 0; index < conditions.length; index++) {
        const c = conditions[index];
        if (!c || c.operator === undefined || !c.operands) continue;
        const operands = c.operands.map((o) => operandValue(o, contact));
        if (matchCondition(c.operator, operands, outcome.value, options))
          return { branch: { kind: 'condition', index }, target: targetOf(c.target) };
      }
      return error(transitions, 'NoMatchingCondition') ?? next(transitions);
    }
  }
}

function next(t: TransitionSet): Route {
  const target = targetOf(t.next);
  return target === undefined ? END : { branch: { kind: 'next' }, target };
}

function error(t: TransitionSet, errorType: string): Route | undefined {
  const errors = t.errors ?? [];
  const index = errors.findIndex((e) => e.errorType === errorType);
  if (index < 0) return undefined;
  return { branch: { kind: 'error', index, errorType }, target: targetOf(errors[index]?.target) };
}

/** Conditions may compare with an attribute (`$.Attributes.x`), read when the condition is tested. */
function operandValue(operand: unknown, contact: Contact): JsonValue | undefined {
  if (!isWholePath(operand)) return operand as JsonValue | undefined;
  const r = resolvePath(operand.trim(), contact);
  return r.ok ? r.value : undefined;
}
