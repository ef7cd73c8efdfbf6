import { Command, CommanderError } from 'commander';
import { type DiffOptions, diffCommand } from './commands/diff.js';
import { type ExportCommandOptions, exportCommand } from './commands/export.js';
import { type ImportCommandOptions, importCommand } from './commands/import.js';
import { logsCommand } from './commands/logs.js';
import { type RunOptions, runCommand } from './commands/run.js';
import { type StartCommandOptions, startCommand } from './commands/start.js';
import { validateCommand } from './commands/validate.js';
import { type WorkerCommandOptions, workerCommand } from './commands/worker.js';
import type { CliIo } from './io.js';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function run(
  argv: string[],
  io: CliIo,
  startHooks: Pick<StartCommandOptions, 'until' | 'onStarted'> = {},
): Promise<number> {
  let exitCode = 0;
  const program = new Command('parley')
    .description('Parley: Amazon Connect flows, self-hosted')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('validate')
    .description('Validate flow files (2019-10-30 or legacy); exit 0 only when no file has an error')
    .argument('<files...>', 'flow JSON files')
    .option(
      '--flow-type <type>',
      'check flow-type restrictions for this type (CONTACT_FLOW, CUSTOMER_QUEUE, …)',
    )
    .option('--json', 'print one JSON object per file')
    .action(async (files: string[], opts: { flowType?: string; json?: boolean }) => {
      exitCode = await validateCommand(files, opts, io);
    });

  program
    .command('diff')
    .description(
      'Compare two versions of a flow block by block, ignoring layout; exit 0 when compared, 2 for bad input',
    )
    .argument('<before>', 'flow JSON file (2019-10-30 or legacy)')
    .argument('<after>', 'flow JSON file (2019-10-30 or legacy)')
    .option('--json', 'print the diff as one JSON object')
    .option('--exit-code', 'exit 1 when the flows differ, as git diff does')
    .action(async (before: string, after: string, opts: DiffOptions) => {
      exitCode = await diffCommand(before, after, opts, io);
    });

  program
    .command('import')
    .description(
      'Resolve the resource references of a flow from another instance (mapping, ARN, ID, name) and write it rewritten, or have a running server import it; exit 0 when nothing is an error (unresolved references are warnings), 1 for errors, 2 for bad input or an unreachable server',
    )
    .argument('<file>', 'flow JSON file (2019-10-30 or legacy)')
    .option(
      '--instance <bundle|instance>',
      'instance bundle JSON (an existing file or *.json), else an instance (alias or ID) of the server; without it nothing resolves (a dry run)',
    )
    .option('--server <url>', 'the Parley server (default: PARLEY_URL, else http://127.0.0.1:8080)')
    .option('--token <token>', 'API token for the server (default: PARLEY_TOKEN)')
    .option('--flow <flow>', 'server: import as a new version of this flow (name, ID or ARN)')
    .option('--name <name>', 'server: the name of the new flow (default: the Metadata name)')
    .option('--map <file>', 'JSON object: old ARN, ID or name → new ARN, ID or name; applied first')
    .option('--flow-type <type>', 'the type of the flow imported into; another declared type is an error')
    .option('--dry-run', 'report only; write nothing')
    .option(
      '--out <file>',
      'write the rewritten flow here (default: stdout, the report then going to stderr)',
    )
    .option('--json', 'print the report as one JSON object: flowType, references, errors')
    .action(async (file: string, opts: ImportCommandOptions) => {
      exitCode = await importCommand(file, opts, io);
    });

  program
    .command('export')
    .description(
      "Write a flow as Connect imports it: references as the instance's ARNs, their names in Metadata; from a server, one of its flows or the whole instance as a bundle; exit 0 when written, 1 not a flow, 2 bad input or an unreachable server",
    )
    .argument('[file]', 'flow JSON file (2019-10-30 or legacy), with a bundle')
    .requiredOption(
      '--instance <bundle|instance>',
      'instance bundle JSON the flow belongs to (an existing file or *.json), else an instance (alias or ID) of the server',
    )
    .option('--flow <flow>', 'server: the flow to export (name, ID or ARN)')
    .option('--version <n>', 'server: that version of the flow (default: the published one, else the latest)')
    .option('--bundle', 'server: the whole instance as an instance bundle')
    .option('--server <url>', 'the Parley server (default: PARLEY_URL, else http://127.0.0.1:8080)')
    .option('--token <token>', 'API token for the server (default: PARLEY_TOKEN)')
    .option('--out <file>', 'write the document here (default: stdout)')
    .action(async (file: string | undefined, opts: ExportCommandOptions) => {
      exitCode = await exportCommand(file, opts, io);
    });

  program
    .command('run')
    .description(
      'Place one simulated call into a flow and print what happened; exit 0 when the call ran to an end without a runtime fault',
    )
    .argument('<flow>', 'flow JSON file the call enters')
    .option(
      '--caller <script>',
      'caller script JSON (schemas/caller-script.schema.json); a silent caller without it',
    )
    .option(
      '--instance <bundle>',
      'instance bundle JSON: flows, prompts, queues, hours, Lambda functions, numbers',
    )
    .option(
      '--flows <dir>',
      'folder of flow JSON files the flow may transfer to or invoke (known by file name)',
    )
    .option('--logs <file>', 'write the flow-log entries to this JSON-lines file')
    .option('--time-limit <seconds>', 'simulated seconds before the caller gives up (default 3600)')
    .option(
      '--no-tts',
      'play a stand-in recording instead of espeak-ng speech (the transcript keeps the words)',
    )
    .option('--json', 'print one JSON object: transcript, path, outcome, contact record and flow log')
    .action(async (file: string, opts: RunOptions) => {
      exitCode = await runCommand(file, opts, io);
    });

  program
    .command('logs')
    .description("Print a contact's flow-log entries, oldest first; exit 1 when there are none")
    .argument('<path>', 'flow-log folder (log groups and streams) or one JSON-lines file')
    .requiredOption('--contact <id>', 'the ContactId to search for')
    .option('--json', 'print the entries as one JSON array')
    .action(async (path: string, opts: { contact: string; json?: boolean }) => {
      exitCode = await logsCommand(path, opts, io);
    });

  program
    .command('start')
    .description(
      'Run Parley: the API server, the embedded store (or DATABASE_URL), ari-sim as telephony (or PARLEY_ARI_URL) and a demo instance; prints the URL and, on first start, the admin token',
    )
    .option('--port <port>', 'first port to try; the next free one is taken when busy', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', 'folder of the embedded store, TTS cache and prompt audio', '.parley')
    .option('--no-demo', 'do not create the demo instance in an empty store')
    .option(
      '--cors-origin <origin...>',
      'an origin (scheme://host[:port]) whose pages may call the API from a browser; none by default (also PARLEY_CORS_ORIGINS, comma-separated)',
    )
    .action(async (opts: StartCommandOptions) => {
      exitCode = await startCommand({ ...opts, ...startHooks }, io);
    });

  program
    .command('worker')
    .description(
      'Run one runtime worker of several sharing DATABASE_URL and the PBX in PARLEY_ARI_URL: serves the Stasis app PARLEY_ARI_APP (default parley-<id>), checkpoints every contact, and adopts the app and calls of a worker that stops',
    )
    .requiredOption('--id <id>', "this worker's id, unique among the workers")
    .option('--port <port>', 'API port (0: any free one)', '0')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', 'folder of the TTS cache and prompt audio (default .parley-worker-<id>)')
    .option('--lease-ms <ms>', 'how long a silent worker keeps its calls before another adopts them', '1000')
    .action(async (opts: WorkerCommandOptions) => {
      exitCode = await workerCommand(opts, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  return exitCode;
}
