import { resolve } from 'node:path';
import type { FlowLogEntry } from '../../logs/entry.js';
import { searchLogs } from '../../logs/sinks.js';
import type { CliIo } from '../io.js';

/**
 * `parley logs <path> --contact <id>`: a contact's flow-log entries from a log folder (groups and
 * streams) or one JSON-lines file, oldest first. Exit 1 when the contact has none.
 */
export async function logsCommand(
  path: string,
  opts: { contact: string; json?: boolean },
  io: CliIo,
): Promise<number> {
  const entries = await searchLogs(resolve(io.cwd, path), opts.contact);
  if (opts.json) io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  else if (entries.length > 0) io.stdout(entries.map(formatEntry).join(''));
  if (entries.length === 0) {
    io.stderr(`parley logs: no flow-log entries for contact ${opts.contact} in ${path}\n`);
    return 1;
  }
  return 0;
}

function formatEntry(e: FlowLogEntry): string {
  const results = e.Results === undefined ? '' : `  → ${e.Results}`;
  return `${e.Timestamp}  ${e.ContactFlowName}  ${e.Identifier}  (${e.ContactFlowModuleType})${results}\n`;
}
