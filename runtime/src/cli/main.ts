import { Command, CommanderError } from 'commander';
import { validateCommand } from './commands/validate.js';
import type { CliIo } from './io.js';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function run(argv: string[], io: CliIo): Promise<number> {
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

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  return exitCode;
}
