import { resolve } from 'node:path';
import { type Diagnostic, diffFlows, type FlowModel, formatDiff, loadFlow } from '@parley/flow';
import type { CliIo } from '../io.js';
import { readFlowFile } from '../read-file.js';

export interface DiffOptions {
  json?: boolean;
  /** Exit 1 when the flows differ, as `git diff --exit-code` does. */
  exitCode?: boolean;
}

type Loaded = { file: string; model: FlowModel } | { file: string; errors: Diagnostic[] };

async function load(file: string, cwd: string): Promise<Loaded> {
  const read = await readFlowFile(resolve(cwd, file));
  if (!read.ok) return { file, errors: read.diagnostics };
  // A flow the validator finds errors in is still a flow: drafts are worth comparing too.
  const loaded = loadFlow(read.bytes);
  return loaded.model ? { file, model: loaded.model } : { file, errors: loaded.diagnostics };
}

/** Exit 0 when compared (1 with --exit-code when they differ), 2 when either file is not a flow. */
export async function diffCommand(
  beforeFile: string,
  afterFile: string,
  opts: DiffOptions,
  io: CliIo,
): Promise<number> {
  const sides = [await load(beforeFile, io.cwd), await load(afterFile, io.cwd)] as const;
  const [before, after] = sides;
  if (!('model' in before) || !('model' in after)) {
    const failed = sides.flatMap((s) => ('errors' in s ? [s] : []));
    if (opts.json) io.stdout(`${JSON.stringify({ files: failed }, null, 2)}\n`);
    else io.stderr(formatFailures(failed));
    return 2;
  }
  const diff = diffFlows(before.model, after.model);
  io.stdout(opts.json ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff));
  return opts.exitCode && !diff.identical ? 1 : 0;
}

const SYMBOL = { error: '✗', warning: '!', info: 'i' } as const;

function formatFailures(failed: { file: string; errors: Diagnostic[] }[]): string {
  const lines: string[] = [];
  for (const f of failed) {
    lines.push(`✗ ${f.file}: not a flow that can be compared`);
    for (const d of f.errors)
      lines.push(`  ${SYMBOL[d.severity]} ${d.code}: ${d.message}${d.path ? ` (${d.path})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
