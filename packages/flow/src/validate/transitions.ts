import type { BlockSpec, ResultSpec } from '../catalog/types.js';
import { OPERATORS, type Operator } from '../catalog/vocabulary.js';
import { type Diagnostic, diagnostic, pointer } from '../diagnostics/diagnostic.js';
import { isKnownPath, looksLikePath, parsePath } from '../jsonpath/index.js';
import { textOf } from '../model/text.js';
import type { ActionNode, ConditionEdge } from '../model/types.js';

const NUMERIC = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/;
const isOperator = (op: string): op is Operator => (OPERATORS as readonly string[]).includes(op);

interface Contract {
  result: ResultSpec | undefined;
  errors: ReadonlySet<string>;
}

const fixedContracts = new WeakMap<BlockSpec, Contract>();

/** The result and error types of a block for this action's parameters. */
export function contractOf(block: BlockSpec, action: ActionNode): Contract {
  if (!block.variant) {
    const cached = fixedContracts.get(block);
    if (cached) return cached;
    const built = buildContract(block.result, block.errors);
    fixedContracts.set(block, built);
    return built;
  }
  const variant = block.variant(action.parameters ?? {});
  return buildContract(
    variant.result === null ? undefined : (variant.result ?? block.result),
    variant.errors ?? block.errors,
  );
}

function buildContract(result: ResultSpec | undefined, raised: readonly string[]): Contract {
  // Reference §2.1: every action may route NoMatchingError; NoMatchingCondition needs a result.
  const errors = new Set(['NoMatchingError', ...raised]);
  if (result) errors.add('NoMatchingCondition');
  return { result, errors };
}

const transitionPath = (index: number, ...rest: (string | number)[]) =>
  pointer('Actions', index, 'Transitions', ...rest);

/** Checks conditions and error branches against what the block can produce. */
export function checkBranches(action: ActionNode, block: BlockSpec, index: number): Diagnostic[] {
  const t = action.transitions;
  if (!t) return [];
  const out: Diagnostic[] = [];
  const id = action.id;

  if (block.terminal) {
    if (t.next || t.conditions?.length || t.errors?.length) {
      out.push(
        diagnostic('TRANSITION_ON_TERMINAL', `${block.type} ends the flow; its transitions are never taken`, {
          actionId: id,
          path: transitionPath(index),
        }),
      );
    }
    return out;
  }

  const { result, errors } = contractOf(block, action);
  const conditions = t.conditions ?? [];
  if (conditions.length > 0 && !result) {
    out.push(
      diagnostic('CONDITION_NOT_ALLOWED', `${block.type} produces no result to branch on`, {
        actionId: id,
        path: transitionPath(index, 'Conditions'),
      }),
    );
  } else if (result) {
    // Menus have a handful of conditions: a list beats a Set here.
    const tested: string[] = [];
    for (let i = 0; i < conditions.length; i++) {
      const c = conditions[i] as ConditionEdge;
      if (c.operator === undefined || c.operands === undefined) continue; // reported as CONDITION_MALFORMED
      const problem = conditionProblem(block, result, c);
      if (problem) {
        const [code, message, suffix] = problem;
        out.push(
          diagnostic(code, message, {
            actionId: id,
            path: `${transitionPath(index, 'Conditions', i, 'Condition')}${suffix}`,
          }),
        );
        if (code === 'CONDITION_OPERATOR_UNKNOWN' || code === 'CONDITION_MALFORMED') continue;
      }
      const key = `${c.operator}\u0000${textOf(c.operands[0])}`;
      if (tested.includes(key)) {
        out.push(
          diagnostic(
            'CONDITION_DUPLICATE',
            `An earlier condition already tests ${c.operator} "${textOf(c.operands[0])}"`,
            {
              actionId: id,
              path: transitionPath(index, 'Conditions', i, 'Condition'),
            },
          ),
        );
      }
      tested.push(key);
    }
  }

  const routed: string[] = [];
  const errorEdges = t.errors ?? [];
  for (let i = 0; i < errorEdges.length; i++) {
    const type = errorEdges[i]?.errorType;
    if (type === undefined) continue;
    if (!errors.has(type)) {
      out.push(
        diagnostic(
          'ERROR_TYPE_NOT_RAISED',
          `${block.type} never raises ${type}; it raises ${[...errors].join(', ')}`,
          {
            actionId: id,
            path: transitionPath(index, 'Errors', i, 'ErrorType'),
          },
        ),
      );
    }
    if (routed.includes(type)) {
      out.push(
        diagnostic('ERROR_TYPE_DUPLICATE', `${type} is listed more than once`, {
          actionId: id,
          path: transitionPath(index, 'Errors', i, 'ErrorType'),
        }),
      );
    }
    routed.push(type);
  }
  return out;
}

type Problem = [
  code:
    | 'CONDITION_OPERATOR_UNKNOWN'
    | 'CONDITION_OPERATOR_NOT_ALLOWED'
    | 'CONDITION_MALFORMED'
    | 'CONDITION_OPERAND_INVALID',
  message: string,
  pathSuffix: string,
];

/** The first thing wrong with one condition, if any. */
function conditionProblem(block: BlockSpec, result: ResultSpec, c: ConditionEdge): Problem | undefined {
  const operator = c.operator as string;
  const operands = c.operands as readonly unknown[];
  if (!isOperator(operator))
    return ['CONDITION_OPERATOR_UNKNOWN', `"${operator}" is not a Flow-language operator`, '/Operator'];
  if (!result.operators.includes(operator)) {
    return [
      'CONDITION_OPERATOR_NOT_ALLOWED',
      `${block.type} allows ${result.operators.join(', ')} on its result, not ${operator}`,
      '/Operator',
    ];
  }
  if (operands.length !== 1)
    return ['CONDITION_MALFORMED', `${operator} takes one operand, not ${operands.length}`, '/Operands'];
  const problem = operandProblem(operator, textOf(operands[0]), result);
  return problem ? ['CONDITION_OPERAND_INVALID', `${block.type}: ${problem}`, '/Operands/0'] : undefined;
}

function operandProblem(operator: Operator, operand: string, result: ResultSpec): string | undefined {
  // The designer lets a condition compare with an attribute; its value is known only at run time.
  if (looksLikePath(operand)) {
    const p = parsePath(operand);
    if (!p.ok) return `"${operand}" is not a valid JSONPath: ${p.reason}`;
    return isKnownPath(p.segments) ? undefined : `"${operand}" is not in the flow data`;
  }
  if (operator.startsWith('Number') && !NUMERIC.test(operand))
    return `${operator} needs a number, not "${operand}"`;
  if (result.values && operator === 'Equals' && !result.values.includes(operand)) {
    return `"${operand}" is not a result it produces (${result.values.join(', ')})`;
  }
  if (result.operandPattern && !patternOf(result.operandPattern).test(operand)) {
    return `"${operand}" is not a value it produces`;
  }
  return undefined;
}

const patterns = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) {
    re = new RegExp(source);
    patterns.set(source, re);
  }
  return re;
}
