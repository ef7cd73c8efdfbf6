import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { loadFlow, parseFlowType } from '@parley/flow';
import { problem, type RunProblem } from '../contact/codes.js';
import type { FlowTarget } from '../executors/types.js';

export interface FlowOptions {
  id?: string;
  name?: string;
  /** Connect's type in either spelling (`CONTACT_FLOW`, `contactFlow`); the document's unless given. */
  type?: string;
  arn?: string;
  /** Where the document was read from: its base name is the ID and name unless given. */
  file?: string;
  description?: string;
}

export type FlowLoad =
  | { ok: true; flow: FlowTarget; warnings: string[] }
  | { ok: false; problem: RunProblem };

/**
 * A flow document as a runnable flow of the instance whose ARN is `instanceArn`. It is runnable
 * whenever it has a model, even with validation errors (a run shows what Connect would refuse to
 * publish); those come back as warnings for the caller to report.
 */
export function flowTarget(bytes: Uint8Array, options: FlowOptions, instanceArn: string): FlowLoad {
  const loaded = loadFlow(bytes);
  if (!loaded.model) {
    const first = loaded.diagnostics[0];
    return {
      ok: false,
      problem: problem(
        'INSTANCE_FLOW_INVALID',
        `${options.file ?? 'flow'}: ${first ? `${first.code}: ${first.message}` : 'not a flow'}`,
      ),
    };
  }
  const metadata = loaded.document?.Metadata;
  const metaName =
    typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata)
      ? (metadata as Record<string, unknown>).name
      : undefined;
  const fileBase = options.file ? basename(options.file, extname(options.file)) : undefined;
  const key = createHash('sha256').update(bytes).digest('hex');
  const id = options.id ?? fileBase ?? key.slice(0, 32);
  const given = options.type === undefined ? undefined : (parseFlowType(options.type) ?? options.type);
  const type = given ?? loaded.flowType ?? 'CONTACT_FLOW';
  const flow: FlowTarget = {
    id,
    arn: options.arn ?? `${instanceArn}/${type === 'MODULE' ? 'flow-module' : 'contact-flow'}/${id}`,
    name: options.name ?? (typeof metaName === 'string' && metaName ? metaName : (fileBase ?? id)),
    type,
    model: loaded.model,
    key,
  };
  const warnings = loaded.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code}: ${d.message}${d.actionId ? ` (action "${d.actionId}")` : ''}`);
  return { ok: true, flow, warnings };
}
