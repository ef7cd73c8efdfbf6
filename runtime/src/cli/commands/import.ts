/**
 * `parley import <flow.json>`: what importing a flow exported from another instance would do. Each
 * resource reference is resolved against the instance bundle (mapping file, then ARN, ID, name)
 * and rewritten to the instance's ARN; unresolved ones stay as written, with a warning.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  type Diagnostic,
  diagnostic,
  EMPTY_DIRECTORY,
  type FlowType,
  hasErrors,
  type ImportedReference,
  type ImportPlan,
  isJsonObject,
  parseFlowType,
  planImport,
  type ResourceDirectory,
} from '@parley/flow';
import { instanceDirectory } from '../../contact/directory.js';
import { loadInstanceBundle } from '../../contact/instance.js';
import type { CliIo } from '../io.js';
import { readFlowFile } from '../read-file.js';

export interface ImportCommandOptions {
  instance?: string;
  map?: string;
  flowType?: string;
  dryRun?: boolean;
  out?: string;
  json?: boolean;
}

/** What `--json` prints. */
export interface ImportJson {
  flowType: FlowType | null;
  references: ImportedReference[];
  errors: Diagnostic[];
}

const SYMBOL = { error: '✗', warning: '!', info: 'i' } as const;

export const formatDiagnostic = (d: Diagnostic): string => {
  const where = [d.actionId ? `action "${d.actionId}"` : '', d.path ?? ''].filter(Boolean).join(' at ');
  return `${SYMBOL[d.severity]} ${d.code}: ${d.message}${where ? ` (${where})` : ''}`;
};

/** Diagnostics that mean the input could not be read as JSON at all. */
const unreadable = (ds: readonly Diagnostic[]) => ds.some((d) => /^(FILE|INPUT|JSON)_/.test(d.code));

const HOW: Record<ImportedReference['resolution'], (r: ImportedReference) => string> = {
  arn: () => 'by ARN',
  id: () => 'by ID',
  name: (r) => `by name "${r.name ?? r.arn}"`,
  map: () => 'by the mapping',
  unresolved: () => '',
};

export function formatImport(file: string, plan: ImportPlan, written: string | undefined): string {
  const { report } = plan;
  const lines = [
    `${file}: ${report.flowType ?? 'flow of unknown type'}${report.name ? ` "${report.name}"` : ''}`,
  ];
  for (const r of report.references)
    lines.push(
      `${r.parameter}  ${r.kind}  ${r.arn}  ${r.target === null ? 'unresolved' : `→ ${r.target} (${HOW[r.resolution](r)})`}`,
    );
  for (const d of report.errors) lines.push(`  ${formatDiagnostic(d)}`);
  const count = (x: ImportedReference['resolution']) =>
    report.references.filter((r) => r.resolution === x).length;
  const n = report.references.length;
  lines.push(
    `${n} reference${n === 1 ? '' : 's'}: ${count('arn')} by ARN, ${count('id')} by ID, ${count('name')} by name, ${count('map')} mapped, ${count('unresolved')} unresolved; ${written ?? 'nothing written'}`,
  );
  return `${lines.join('\n')}\n`;
}

/** The --map file: old ARN, ID or name → new ARN, ID or name. */
async function readMap(
  path: string,
): Promise<{ ok: true; map: Record<string, string> } | { ok: false; why: string }> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    return {
      ok: false,
      why: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : (e as Error).message,
    };
  }
  if (!isJsonObject(value)) return { ok: false, why: 'is not a JSON object of old value → new value' };
  for (const [k, v] of Object.entries(value))
    if (typeof v !== 'string' || v.trim() === '')
      return { ok: false, why: `maps "${k}" to something other than text` };
  return { ok: true, map: value as Record<string, string> };
}

/**
 * Exit codes: 0 nothing is an error (unresolved references are warnings), 1 errors (a flow of
 * another type, a reference to the wrong kind of resource, not a flow), 2 unreadable input or bad
 * arguments. Without --instance nothing is resolved and, unless --out is given, nothing written.
 */
export async function importCommand(file: string, opts: ImportCommandOptions, io: CliIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`parley import: ${message}\n`);
    return 2;
  };
  let targetFlowType: FlowType | undefined;
  if (opts.flowType !== undefined) {
    targetFlowType = parseFlowType(opts.flowType);
    if (!targetFlowType)
      return fail(
        `unknown flow type "${opts.flowType}" (use CONTACT_FLOW, CUSTOMER_QUEUE, … or contactFlow, …)`,
      );
  }
  let map: Record<string, string> | undefined;
  if (opts.map !== undefined) {
    const read = await readMap(resolve(io.cwd, opts.map));
    if (!read.ok) return fail(formatDiagnostic(diagnostic('IMPORT_MAP_INVALID', `${opts.map} ${read.why}`)));
    map = read.map;
  }
  let directory: ResourceDirectory = EMPTY_DIRECTORY;
  if (opts.instance !== undefined) {
    const loaded = await loadInstanceBundle(resolve(io.cwd, opts.instance));
    if (!loaded.ok)
      return fail(loaded.problems.map((p) => `${p.code}: ${p.message}`).join('\nparley import: '));
    directory = instanceDirectory(loaded.instance);
  }
  const read = await readFlowFile(resolve(io.cwd, file));
  if (!read.ok) return fail(read.diagnostics.map(formatDiagnostic).join('\nparley import: '));

  const plan = planImport(read.bytes, directory, {
    ...(map ? { map } : {}),
    ...(targetFlowType ? { targetFlowType } : {}),
  });
  const { report } = plan;
  const failed = hasErrors(report.errors);
  const dryRun = opts.dryRun === true || (opts.instance === undefined && opts.out === undefined);
  const write = !dryRun && !failed && plan.document !== undefined;
  // The flow itself goes to stdout without --out; the report then goes to stderr.
  const reportTo = write && opts.out === undefined ? io.stderr : io.stdout;

  let written: string | undefined;
  if (write) {
    const text = `${JSON.stringify(plan.document, null, 2)}\n`;
    if (opts.out === undefined) {
      io.stdout(text);
      written = 'flow written to stdout';
    } else {
      try {
        await writeFile(resolve(io.cwd, opts.out), text);
      } catch (e) {
        return fail(`--out ${opts.out} cannot be written (${(e as Error).message})`);
      }
      written = `flow written to ${opts.out}`;
    }
  }
  if (opts.json) {
    const json: ImportJson = {
      flowType: report.flowType,
      references: report.references,
      errors: report.errors,
    };
    reportTo(`${JSON.stringify(json, null, 2)}\n`);
  } else reportTo(formatImport(file, plan, written ?? (dryRun ? 'dry run, nothing written' : undefined)));
  if (unreadable(report.errors)) return 2;
  return failed ? 1 : 0;
}
