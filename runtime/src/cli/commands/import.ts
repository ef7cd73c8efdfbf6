/**
 * `parley import <flow.json>`: what importing a flow exported from another instance would do. Each
 * resource reference is resolved against the instance bundle (mapping file, then ARN, ID, name)
 * and rewritten to the instance's ARN; unresolved ones stay as written, with a warning. With a
 * server instance for `--instance` the server does the same and keeps the flow as a version.
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
  type ImportReport,
  isJsonObject,
  parseFlowType,
  planImport,
  type ResourceDirectory,
} from '@parley/flow';
import { instanceDirectory } from '../../contact/directory.js';
import { loadInstanceBundle } from '../../contact/instance.js';
import type { CliIo } from '../io.js';
import { readFlowFile } from '../read-file.js';
import { isBundleRef, isProblem, ServerClient, type ServerOptions } from '../server-client.js';

export interface ImportCommandOptions extends ServerOptions {
  /** A bundle file, or an instance (alias or ID) of the server. */
  instance?: string;
  map?: string;
  flowType?: string;
  dryRun?: boolean;
  out?: string;
  json?: boolean;
  /** Server instance: import as a new version of this flow (name, ID or ARN). */
  flow?: string;
  /** Server instance: the name of the new flow. */
  name?: string;
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

export function formatImport(
  file: string,
  plan: Pick<ImportPlan, 'report'>,
  written: string | undefined,
): string {
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

/** The report as `--json` prints it. */
const jsonOf = (report: ImportReport): string => {
  const json: ImportJson = {
    flowType: report.flowType,
    references: report.references,
    errors: report.errors,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
};

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
  const server = opts.instance !== undefined && !isBundleRef(opts.instance, io.cwd);
  if (!server && (opts.flow !== undefined || opts.name !== undefined))
    return fail('--flow and --name import into a server instance; --instance names a bundle file here');
  if (server && opts.out !== undefined)
    return fail('--out writes the flow out for a bundle; a server instance keeps the imported flow itself');
  let directory: ResourceDirectory = EMPTY_DIRECTORY;
  if (opts.instance !== undefined && !server) {
    const loaded = await loadInstanceBundle(resolve(io.cwd, opts.instance));
    if (!loaded.ok)
      return fail(loaded.problems.map((p) => `${p.code}: ${p.message}`).join('\nparley import: '));
    directory = instanceDirectory(loaded.instance);
  }
  const read = await readFlowFile(resolve(io.cwd, file));
  if (!read.ok) return fail(read.diagnostics.map(formatDiagnostic).join('\nparley import: '));
  if (server && opts.instance !== undefined)
    return importToServer(file, read.bytes, opts.instance, { ...opts, map, targetFlowType }, io, fail);

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
  if (opts.json) reportTo(jsonOf(report));
  else reportTo(formatImport(file, plan, written ?? (dryRun ? 'dry run, nothing written' : undefined)));
  if (unreadable(report.errors)) return 2;
  return failed ? 1 : 0;
}

/** What the server answers an import with (services/transfer.ts ImportResult, as JSON). */
interface ServerImport {
  report?: ImportReport;
  saved?: { flow: { name: string }; version: { version: number }; unchanged: boolean };
}

/**
 * POST /api/instances/:instance/import: the server resolves against its instance and, unless it is
 * a dry run, saves the flow as a version. Its refusal of the flow itself (another type, not a flow)
 * comes with the report and exits 1; a refusal of the request (token, instance, server) exits 2.
 */
async function importToServer(
  file: string,
  bytes: Uint8Array,
  instance: string,
  opts: Omit<ImportCommandOptions, 'map'> & {
    map: Record<string, string> | undefined;
    targetFlowType: FlowType | undefined;
  },
  io: CliIo,
  fail: (message: string) => number,
): Promise<number> {
  const client = new ServerClient(opts);
  const answer = await client.request('POST', client.instancePath(instance, 'import'), {
    content: Buffer.from(bytes).toString('utf8'),
    ...(opts.map ? { map: opts.map } : {}),
    ...(opts.flow === undefined ? {} : { flow: opts.flow }),
    ...(opts.name === undefined ? {} : { name: opts.name }),
    ...(opts.targetFlowType ? { type: opts.targetFlowType } : {}),
    dryRun: opts.dryRun === true,
  });
  if (!answer.reached) return fail(answer.why);
  const body = answer.body as ServerImport;
  const refused = answer.status >= 300;
  if (!body?.report || (refused && !isProblem(body))) return fail(client.refusal(answer.status, body));
  const { report, saved } = body;
  const written = saved
    ? saved.unchanged
      ? `unchanged: version ${saved.version.version} of "${saved.flow.name}" in ${instance} has this content`
      : `saved as version ${saved.version.version} of "${saved.flow.name}" in ${instance}`
    : opts.dryRun
      ? 'dry run, nothing written'
      : `nothing written${refused && isProblem(body) ? ` (${body.code})` : ''}`;
  io.stdout(opts.json ? jsonOf(report) : formatImport(file, { report }, written));
  if (unreadable(report.errors)) return 2;
  return refused || hasErrors(report.errors) ? 1 : 0;
}
