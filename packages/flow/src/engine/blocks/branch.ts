/** Flow-control blocks that only choose a branch: Compare, DistributeByPercentage, Loop. */
import { withKey, withoutKeys } from '../contact.js';
import { randomInt } from '../random.js';
import { resolveValue, toText } from '../resolve.js';
import { type Decider, fail, parametersOf, readInt } from './common.js';

/**
 * Check contact attributes: the result is the value ComparisonValue resolves to. A missing value
 * matches no condition, so the contact takes NoMatchingCondition.
 */
export const compare: Decider = (action, contact) => {
  const r = resolveValue(parametersOf(action).ComparisonValue, contact);
  if (!r.ok) return fail(r.error);
  return {
    outcome: { kind: 'condition', value: r.value },
    log: { results: toText(r.value) ?? '' },
  };
};

/**
 * A uniform integer from 1 to 100 drawn from the contact's seeded generator; the conditions are a
 * chain of NumberLessThan thresholds and NoMatchingCondition is the remainder.
 */
export const distributeByPercentage: Decider = (_action, contact) => {
  const draw = randomInt(contact.random, 1, 100);
  return {
    outcome: { kind: 'condition', value: draw.value },
    contactPatch: { random: draw.state },
    log: { results: String(draw.value) },
  };
};

/**
 * ContinueLooping LoopCount times for the same action, then DoneLooping once, which resets the
 * counter. Counters are kept per action Identifier for the whole contact (reference §3.4).
 */
export const loop: Decider = (action, contact) => {
  const count = readInt(parametersOf(action).LoopCount, contact, 'LoopCount', [0, 100]);
  if (!count.ok) return fail(count.error);
  const done = contact.loops[action.id] ?? 0;
  if (done < count.value) {
    const loops = withKey(contact.loops, action.id, done + 1);
    return {
      outcome: { kind: 'condition', value: 'ContinueLooping' },
      contactPatch: { loops },
      log: { results: 'ContinueLooping' },
    };
  }
  const loops = withoutKeys(contact.loops, [action.id]);
  return {
    outcome: { kind: 'condition', value: 'DoneLooping' },
    contactPatch: { loops },
    log: { results: 'DoneLooping' },
  };
};
