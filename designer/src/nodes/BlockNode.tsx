import type { Diagnostic } from '@parley/flow';
import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useBlockMark } from '../editor/overlay.js';
import type { BlockNodeData } from '../system/index.js';
import './BlockNode.css';

export type BlockNodeType = Node<BlockNodeData, 'block'>;

/**
 * The codes a block shows beside its type: its errors' first, then its warnings', each once, in the
 * validator's order; `listed` are those diagnostics, for the tooltip, and `errors` the errors among
 * them, for the header's count.
 */
export function blockCodes(diagnostics: readonly Diagnostic[]): {
  codes: string[];
  severity: 'error' | 'warning';
  listed: Diagnostic[];
  errors: Diagnostic[];
} {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const listed = [...errors, ...diagnostics.filter((d) => d.severity === 'warning')];
  return {
    codes: [...new Set(listed.map((d) => d.code))],
    severity: errors.length > 0 ? 'error' : 'warning',
    listed,
    errors,
  };
}

/**
 * One action on the canvas: its label and type, a target handle, one labelled handle per branch.
 * Its size depends only on its visible branches (see layout.ts, which React Flow is given).
 */
function BlockNodeView({ data }: NodeProps<BlockNodeType>) {
  const problems = blockCodes(data.diagnostics);
  const { errors } = problems;
  const mark = useBlockMark(data.actionId);
  return (
    <div
      className="block-node"
      data-testid="block-node"
      data-action-id={data.actionId}
      data-group={data.group}
      data-start={data.isStart || undefined}
      data-mark={mark}
    >
      <Handle type="target" position={Position.Left} />
      <header>
        {data.isStart && <span className="block-start">Entry</span>}
        <span className="block-label">{data.label}</span>
        {errors.length > 0 && (
          <span
            className="block-errors"
            role="status"
            aria-label={`${errors.length} error${errors.length === 1 ? '' : 's'}`}
            title={errors.map((d) => `${d.code}: ${d.message}`).join('\n')}
          >
            {errors.length}
          </span>
        )}
      </header>
      {problems.codes.length === 0 ? (
        <div className="block-type">{data.blockType}</div>
      ) : (
        // Only a block with problems pays for the extra row box; it keeps the type line's height.
        <div className="block-type-row">
          <div className="block-type">{data.blockType}</div>
          <span
            className="block-codes"
            data-severity={problems.severity}
            title={problems.listed.map((d) => `${d.code}: ${d.message}`).join('\n')}
          >
            {problems.codes.join(' · ')}
          </span>
        </div>
      )}
      {data.branches.length > 0 && (
        <ul className="block-branches">
          {data.branches.map((b) => (
            // A hidden branch keeps its handle (an edge may name it) but takes no room.
            <li key={b.id} data-kind={b.kind} hidden={b.hidden}>
              <span className="block-branch-label">{b.label}</span>
              <Handle type="source" position={Position.Right} id={b.id} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const BlockNode = memo(BlockNodeView);
