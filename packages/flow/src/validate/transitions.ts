import type { BlockSpec, ResultSpec } from '../catalog/types.js';
import { OPERATORS, type Operator } from '../catalog/vocabulary.js';
import { type Diagnostic, diagnostic, pointer } from '../diagnostics/diagnostic.js';
import { isKnownPath, looksLikePath, parsePath } from '../jsonpath/index.js';
import type { ActionNode } from '../model/types.js';

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

/** Checks conditions and error branches against what the block can produce. */
export function checkBranches(action: ActionNode, block: BlockSpec, index: number): Diagnostic[] {
  const t = action.transitions;
  if (!t) return [];
  const out: Diagnostic[] = [];
  const at = (...rest: (string | number)[]) => pointer('Actions', index, 'Transitions', ...rest);
  const where = (path: string) => ({ actionId: action.id, path });

  if (block.terminal) {
    if (t.next || t.conditions?.length || t.errors?.length) {
      out.push(
        diagnostic(
          'TRANSITION_ON_TERMINAL',
          `${block.type} ends the flow; its transitions are never taken`,
          where(at()),
        ),
      );
    }
    return out;
  }

  const { result, errors } = contractOf(block, action);
  const conditions = t.conditions ?? [];
  if (conditions.length > 0 && !result) {
    out.push(
      diagnostic(
        'CONDITION_NOT_ALLOWED',
        `${block.type} produces no result to branch on`,
        where(at('Conditions')),
      ),
    );
  } else if (result) {
    const seen = new Set<string>();
    conditions.forEach((c, i) => {
      if (c.operator === undefined || c.operands === undefined) return; // reported as CONDITION_MALFORMED
      const path = at('Conditions', i, 'Condition');
      if (!isOperator(c.operator)) {
        out.push(
          diagnostic(
            'CONDITION_OPERATOR_UNKNOWN',
            `"${c.operator}" is not a Flow-language operator`,
            where(`${path}/Operator`),
          ),
        );
        return;
      }
      if (!result.operators.includes(c.operator)) {
        out.push(
          diagnostic(
            'CONDITION_OPERATOR_NOT_ALLOWED',
            `${block.type} allows ${result.operators.join(', ')} on its result, not ${c.operator}`,
            where(`${path}/Operator`),
          ),
        );
      }
      if (c.operands.length !== 1) {
        out.push(
          diagnostic(
            'CONDITION_MALFORMED',
            `${c.operator} takes one operand, not ${c.operands.length}`,
            where(`${path}/Operands`),
          ),
        );
        return;
      }
      const problem = operandProblem(c.operator, String(c.operands[0]), result);
      if (problem)
        out.push(
          diagnostic('CONDITION_OPERAND_INVALID', `${block.type}: ${problem}`, where(`${path}/Operands/0`)),
        );
      const key = `${c.operator}\u0000${String(c.operands[0])}`;
      if (seen.has(key)) {
        out.push(
          diagnostic(
            'CONDITION_DUPLICATE',
            `An earlier condition already tests ${c.operator} "${String(c.operands[0])}"`,
            where(path),
          ),
        );
      }
      seen.add(key);
    });
  }

  const seenErrors = new Set<string>();
  (t.errors ?? []).forEach((e, i) => {
    if (e.errorType === undefined) return;
    const path = at('Errors', i, 'ErrorType');
    if (!errors.has(e.errorType)) {
      out.push(
        diagnostic(
          'ERROR_TYPE_NOT_RAISED',
          `${block.type} never raises ${e.errorType}; it raises ${[...errors].join(', ')}`,
          where(path),
        ),
      );
    }
    if (seenErrors.has(e.errorType)) {
      out.push(diagnostic('ERROR_TYPE_DUPLICATE', `${e.errorType} is listed more than once`, where(path)));
    }
    seenErrors.add(e.errorType);
  });
  return out;
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
