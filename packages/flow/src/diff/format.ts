import { END_OF_FLOW } from '../model/model.js';
import type { BlockRef, FlowDiff, ValueChange } from './types.js';

/** Values longer than this are cut in text: the JSON form carries them whole. */
const MAX_VALUE = 80;

/**
 * The diff as a reviewer reads it, one change per line: `+`/`-` blocks, `~` changed values, `↪`
 * rewired branches, then a count. Ends with a newline.
 */
export function formatDiff(diff: FlowDiff): string {
  if (diff.identical) return 'No structural changes\n';
  const lines: string[] = [];
  if (diff.startAction)
    lines.push(`start: ${target(diff.startAction.before)} → ${target(diff.startAction.after)}`);
  for (const c of diff.flow) lines.push(`flow ${where(c)}: ${values(c)}`);
  for (const b of diff.added) lines.push(`+ block ${block(b)}`);
  for (const b of diff.removed) lines.push(`- block ${block(b)}`);
  for (const b of diff.changed) {
    if (b.previousType !== undefined) lines.push(`~ block ${block(b)} Type: ${b.previousType} → ${b.type}`);
    for (const c of b.changes) lines.push(`~ block ${block(b)} ${where(c)}: ${values(c)}`);
  }
  for (const r of diff.rewired) {
    for (const e of r.edges)
      lines.push(`↪ block ${block(r)} ${e.branch.label}: ${target(e.before)} → ${target(e.after)}`);
    if (r.conditionOrder) {
      const { before, after } = r.conditionOrder;
      lines.push(`↪ block ${block(r)} conditions reordered: ${before.join(', ')} → ${after.join(', ')}`);
    }
  }
  lines.push(summaryLine(diff));
  return `${lines.join('\n')}\n`;
}

function summaryLine({ summary: s }: FlowDiff): string {
  const parts = [
    `${s.added} added`,
    `${s.removed} removed`,
    `${s.changed} changed`,
    `${s.rewired} rewired (${s.edges} branch${s.edges === 1 ? '' : 'es'})`,
  ];
  const flow = s.flow === 0 ? '' : `; ${s.flow} flow-level change${s.flow === 1 ? '' : 's'}`;
  return `Blocks: ${parts.join(', ')}${flow}`;
}

// Friendly-named Identifiers have spaces ("Transfer to Billing"); quoting keeps the line parseable by eye.
const name = (id: string): string => (/^[\w.-]+$/.test(id) ? id : JSON.stringify(id));

function block(b: BlockRef): string {
  const label = b.label !== undefined && b.label !== b.id ? ` ${JSON.stringify(b.label)}` : '';
  return `${name(b.id)} (${b.type})${label}`;
}

function target(id: string | undefined): string {
  if (id === undefined) return '(none)';
  if (id === '') return '(unconnected)';
  if (id === END_OF_FLOW) return '(end of flow)';
  return name(id);
}

const where = (c: ValueChange): string => c.path.slice(1);

function values(c: ValueChange): string {
  return `${c.change === 'added' ? '(none)' : value(c.before)} → ${c.change === 'removed' ? '(none)' : value(c.after)}`;
}

function value(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length <= MAX_VALUE ? text : `${text.slice(0, MAX_VALUE - 1)}…`;
}
