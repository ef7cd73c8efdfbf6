import { resolve } from 'node:path';
import {
  type Diagnostic,
  type FlowFormat,
  type FlowType,
  hasErrors,
  loadFlow,
  parseFlowType,
} from '@parley/flow';
import type { CliIo } from '../io.js';
import { readFlowFile } from '../read-file.js';

export interface ValidateReport {
  file: string;
  valid: boolean;
  format: FlowFormat | null;
  flowType: FlowType | null;
  roundTrip: boolean;
  errors: Diagnostic[];
}

export async function validateFile(file: string, cwd: string, flowType?: string): Promise<ValidateReport> {
  const read = await readFlowFile(resolve(cwd, file));
  if (!read.ok)
    return { file, valid: false, format: null, flowType: null, roundTrip: false, errors: read.diagnostics };
  const loaded = loadFlow(read.bytes, flowType === undefined ? {} : { flowType });
  return {
    file,
    valid: !hasErrors(loaded.diagnostics),
    format: loaded.format ?? null,
    flowType: loaded.flowType ?? null,
    roundTrip: loaded.roundTrip,
    errors: loaded.diagnostics,
  };
}

export async function validateCommand(
  files: string[],
  opts: { flowType?: string; json?: boolean },
  io: CliIo,
): Promise<number> {
  if (opts.flowType !== undefined && !parseFlowType(opts.flowType)) {
    io.stderr(
      `parley validate: unknown flow type "${opts.flowType}" (use CONTACT_FLOW, CUSTOMER_QUEUE, … or contactFlow, …)\n`,
    );
    return 2;
  }
  const reports: ValidateReport[] = [];
  for (const file of files) reports.push(await validateFile(file, io.cwd, opts.flowType));
  if (opts.json) io.stdout(`${JSON.stringify(reports, null, 2)}\n`);
  else io.stdout(formatReports(reports));
  return reports.every((r) => r.valid) ? 0 : 1;
}

const SYMBOL = { error: '✗', warning: '!', info: 'i' } as const;

export function formatReports(reports: ValidateReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    const kind = [r.format, r.flowType, r.roundTrip ? null : r.format ? 'does not round-trip' : null]
      .filter(Boolean)
      .join(', ');
    lines.push(`${r.valid ? '✓' : '✗'} ${r.file}${kind ? ` (${kind})` : ''}`);
    for (const d of r.errors) {
      const where = [d.actionId ? `action "${d.actionId}"` : '', d.path ?? ''].filter(Boolean).join(' at ');
      lines.push(`  ${SYMBOL[d.severity]} ${d.code}: ${d.message}${where ? ` (${where})` : ''}`);
    }
  }
  const invalid = reports.filter((r) => !r.valid).length;
  lines.push(`${reports.length} file${reports.length === 1 ? '' : 's'} checked, ${invalid} with errors`);
  return `${lines.join('\n')}\n`;
}
