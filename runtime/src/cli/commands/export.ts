/**
 * `parley export <flow.json> --instance <bundle.json>`: the flow as Connect (or another Parley)
 * imports it: references as the instance's ARNs, with their names in Metadata so the other side
 * can resolve them by name. With a server instance the server writes it: one of its flows
 * (`--flow`, `--version`) or the whole instance as a bundle (`--bundle`).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkReferences, type Diagnostic, KIND_LABELS, loadFlow, prepareExport } from '@parley/flow';
import { instanceDirectory } from '../../contact/directory.js';
import { loadInstanceBundle } from '../../contact/instance.js';
import type { CliIo } from '../io.js';
import { readFlowFile } from '../read-file.js';
import { isBundleRef, ServerClient, type ServerOptions } from '../server-client.js';
import { formatDiagnostic } from './import.js';

export interface ExportCommandOptions extends ServerOptions {
  /** A bundle file, or an instance (alias or ID) of the server. */
  instance: string;
  out?: string;
  /** Server instance: the flow to export (name, ID or ARN). */
  flow?: string;
  /** Server instance: that version of the flow; its published one (else its latest) without. */
  version?: string;
  /** Server instance: the whole instance as a bundle. */
  bundle?: boolean;
}

const unreadable = (ds: readonly Diagnostic[]) => ds.some((d) => /^(FILE|INPUT|JSON)_/.test(d.code));

/**
 * Exit codes: 0 written, 1 the file is not a flow, 2 unreadable input, bad arguments, or a server
 * that cannot be reached or refuses (unknown flow or version, token).
 */
export async function exportCommand(
  file: string | undefined,
  opts: ExportCommandOptions,
  io: CliIo,
): Promise<number> {
  const say = (message: string) => io.stderr(`parley export: ${message}\n`);
  if (!isBundleRef(opts.instance, io.cwd)) return exportFromServer(file, opts, io, say);
  if (opts.flow !== undefined || opts.version !== undefined || opts.bundle) {
    say('--flow, --version and --bundle export from a server instance; --instance names a bundle file here');
    return 2;
  }
  if (file === undefined) {
    say('name the flow file to export');
    return 2;
  }
  const loadedInstance = await loadInstanceBundle(resolve(io.cwd, opts.instance));
  if (!loadedInstance.ok) {
    for (const p of loadedInstance.problems) say(`${p.code}: ${p.message}`);
    return 2;
  }
  const read = await readFlowFile(resolve(io.cwd, file));
  if (!read.ok) {
    for (const d of read.diagnostics) say(formatDiagnostic(d));
    return 2;
  }
  const loaded = loadFlow(read.bytes);
  if (!loaded.model) {
    for (const d of loaded.diagnostics) say(formatDiagnostic(d));
    return unreadable(loaded.diagnostics) ? 2 : 1;
  }
  const directory = instanceDirectory(loadedInstance.instance);
  for (const { reference: r, found } of checkReferences(loaded.model, directory))
    if (!found)
      say(
        `warning: ${r.parameter} of action "${r.actionId}": no ${KIND_LABELS[r.kind]} "${r.value}" in the instance; exported as written${r.name ? ` with the name "${r.name}"` : ', without a name'}`,
      );
  return writeJson(prepareExport(loaded.model, directory), opts.out, io, say);
}

async function writeJson(
  value: unknown,
  out: string | undefined,
  io: CliIo,
  say: (message: string) => void,
): Promise<number> {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (out === undefined) {
    io.stdout(text);
    return 0;
  }
  try {
    await writeFile(resolve(io.cwd, out), text);
  } catch (e) {
    say(`--out ${out} cannot be written (${(e as Error).message})`);
    return 2;
  }
  return 0;
}

/** GET …/flows/:flow/export or …/bundle of the server instance. */
async function exportFromServer(
  file: string | undefined,
  opts: ExportCommandOptions,
  io: CliIo,
  say: (message: string) => void,
): Promise<number> {
  const bad = (message: string) => {
    say(message);
    return 2;
  };
  if (file !== undefined)
    return bad(`a server instance exports its own flows: give --flow <name|id|arn> or --bundle, not ${file}`);
  if ((opts.flow === undefined) === (opts.bundle !== true))
    return bad('give --flow <name|id|arn> or --bundle (one of them) with a server instance');
  if (opts.version !== undefined && (opts.bundle || !/^[1-9][0-9]{0,8}$/.test(opts.version)))
    return bad(`--version ${opts.version}: give a version number, with --flow`);
  const client = new ServerClient(opts);
  const path =
    opts.flow === undefined
      ? client.instancePath(opts.instance, 'bundle')
      : `${client.instancePath(opts.instance, 'flows', opts.flow, 'export')}${opts.version ? `?version=${opts.version}` : ''}`;
  const answer = await client.request('GET', path);
  if (!answer.reached) return bad(answer.why);
  if (answer.status >= 300) return bad(client.refusal(answer.status, answer.body));
  return writeJson(answer.body, opts.out, io, say);
}
