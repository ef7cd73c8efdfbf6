/**
 * Condition operators (reference §2.3). `Equals` and the Text operators compare text, exactly and
 * case-sensitively by default (Connect's case rules are undocumented; the option exists for flows that
 * relied on something else). Number operators are false unless both sides are numbers.
 */
import { OPERATORS, type Operator } from '../catalog/vocabulary.js';
import type { JsonValue } from './contact.js';
import { toText } from './resolve.js';

export interface MatchOptions {
  caseSensitive?: boolean;
}

/**
 * Decimal numbers as text: an optional sign, digits with an optional fraction (Lex scores such as
 * `0.7`, `.5`), surrounding blanks tolerated. No exponents, hex or Infinity: flow operands never use them.
 */
const NUMERIC = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s*$/;

/** A value as a number, or undefined when it is not one. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMERIC.test(value)) return Number(value);
  return undefined;
}

export const isOperator = (s: unknown): s is Operator => (OPERATORS as readonly unknown[]).includes(s);

/**
 * Whether a condition holds for an action's result. `operands` are the condition's Operands, already
 * resolved when they were JSONPaths; a condition with several operands holds when any of them does.
 * An unknown operator, a nested condition, or a result that names nothing never matches.
 */
export function matchCondition(
  operator: string,
  operands: readonly unknown[],
  value: JsonValue | undefined,
  options: MatchOptions = {},
): boolean {
  if (!isOperator(operator) || value === undefined || value === null) return false;
  return operands.some((operand) => matchOne(operator, operand, value, options));
}

function matchOne(operator: Operator, operand: unknown, value: JsonValue, options: MatchOptions): boolean {
  if (operand === undefined || operand === null || typeof operand === 'object') return false;
  if (operator.startsWith('Number')) {
    const a = toNumber(value);
    const b = toNumber(operand);
    if (a === undefined || b === undefined) return false;
    switch (operator) {
      case 'NumberGreaterThan':
        return a > b;
      case 'NumberGreaterOrEqualTo':
        return a >= b;
      case 'NumberLessThan':
        return a < b;
      default:
        return a <= b;
    }
  }
  // A numeric result (a metric) has no canonical spelling: "5" must equal 5 and 5.0 alike.
  if (operator === 'Equals' && typeof value === 'number') {
    const b = toNumber(operand);
    return b !== undefined && b === value;
  }
  let text = toText(value);
  let against = String(operand);
  if (text === undefined) return false;
  if (options.caseSensitive === false) {
    text = text.toLowerCase();
    against = against.toLowerCase();
  }
  switch (operator) {
    case 'Equals':
      return text === against;
    case 'TextStartsWith':
      return text.startsWith(against);
    case 'TextEndsWith':
      return text.endsWith(against);
    default:
      return text.includes(against);
  }
}
