/**
 * `parley export <flow.json> --instance <bundle.json>`: the flow as Connect (or another Parley)
 * imports it: references as the instance's ARNs, with their names in Metadata so the other side
 * can resolve them by name.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkReferences, type Diagnostic, KIND_LABELS, loadFlow, prepareExport } from '@parley/flow';
import { instanceDirectory } from '../../contact/directory.js';
import { loadInstanceBundle } from '../../contact/instance.js';
import type { CliIo } from '../io.js';
import { readFlowFile } from '../read-file.js';
import { formatDiagnostic } from './import.js';

export interface ExportCommandOptions {
  instance: string;
  out?: string;
}

const unreadable = (ds: readonly Diagnostic[]) => ds.some((d) => /^(FILE|INPUT|JSON)_/.test(d.code));

/** Exit codes: 0 written, 1 the file is not a flow, 2 unreadable input or bad arguments. */
export async function exportCommand(file: string, opts: ExportCommandOptions, io: CliIo): Promise<number> {
  const say = (message: string) => io.stderr(`parley export: ${message}\n`);
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
  const text = `${JSON.stringify(prepareExport(loaded.model, directory), null, 2)}\n`;
  if (opts.out === undefined) {
    io.stdout(text);
    return 0;
  }
  try {
    await writeFile(resolve(io.cwd, opts.out), text);
  } catch (e) {
    say(`--out ${opts.out} cannot be written (${(e as Error).message})`);
    return 2;
  }
  return 0;
}
