/**
 * `parley run <flow.json> --caller <script.json>`: a call without a phone. The flow runs for one
 * call placed through ari-sim and the test harness on a simulated clock; the caller follows the
 * script. Prints the transcript (or JSON) and writes the flow-log entries to --logs.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { systemClock } from '@parley/ari';
import { problem, type RunProblem } from '../../contact/codes.js';
import { addFlowsFromDir, Instance, loadInstanceBundle } from '../../contact/instance.js';
import type { PathStep } from '../../contact/runner.js';
import { type CallerScript, parseCallerScript } from '../../contact/script.js';
import {
  DEFAULT_TIME_LIMIT_MS,
  placeholderVoice,
  type SimulatedCall,
  simulateCall,
  type TranscriptLine,
} from '../../contact/simulate.js';
import { createExecutors } from '../../executors/index.js';
import type { FlowTarget } from '../../executors/types.js';
import { TextToSpeech } from '../../integrations/tts.js';
import type { FlowLogEntry } from '../../logs/entry.js';
import { JsonLinesFile } from '../../logs/sinks.js';
import type { CliIo } from '../io.js';
import { readFlowFile } from '../read-file.js';

export interface RunOptions {
  caller?: string;
  instance?: string;
  flows?: string;
  logs?: string;
  json?: boolean;
  /** Seconds of simulated time before the caller gives up. */
  timeLimit?: string;
  /** False with --no-tts: prompts play a stand-in recording instead of espeak-ng. */
  tts?: boolean;
}

/** Exit codes: 0 the call ran to an end, 1 it did not (a fault, a missing prompt, the time limit), 2 bad input. */
export async function runCommand(file: string, opts: RunOptions, io: CliIo): Promise<number> {
  const fail = (problems: RunProblem[]) => {
    for (const p of problems) io.stderr(`parley run: ${p.code}: ${p.message}\n`);
    return 2;
  };

  let script: CallerScript = {};
  if (opts.caller !== undefined) {
    const path = resolve(io.cwd, opts.caller);
    let value: unknown;
    try {
      value = JSON.parse(await readFile(path, 'utf8'));
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : (e as Error).message;
      return fail([problem('RUN_SCRIPT_INVALID', `${opts.caller}: ${why}`)]);
    }
    const parsed = parseCallerScript(value);
    if (!parsed.ok)
      return fail([{ ...parsed.problem, message: `${opts.caller}: ${parsed.problem.message}` }]);
    script = parsed.script;
  }
  let timeLimitMs = DEFAULT_TIME_LIMIT_MS;
  if (opts.timeLimit !== undefined) {
    const seconds = Number(opts.timeLimit);
    if (!Number.isFinite(seconds) || seconds <= 0) {
      io.stderr(`parley run: --time-limit takes a number of seconds, not "${opts.timeLimit}"\n`);
      return 2;
    }
    timeLimitMs = seconds * 1000;
  }

  const warnings: string[] = [];
  let instance = new Instance();
  if (opts.instance !== undefined) {
    const loaded = await loadInstanceBundle(resolve(io.cwd, opts.instance));
    if (!loaded.ok) return fail(loaded.problems);
    instance = loaded.instance;
    warnings.push(...loaded.warnings);
  }
  if (opts.flows !== undefined) {
    const added = await addFlowsFromDir(instance, resolve(io.cwd, opts.flows));
    if (added.problems.length > 0) return fail(added.problems);
    warnings.push(...added.warnings);
  }
  const flowPath = resolve(io.cwd, file);
  const read = await readFlowFile(flowPath);
  if (!read.ok)
    return fail(
      read.diagnostics.map((d) => problem('INSTANCE_FLOW_INVALID', `${file}: ${d.code}: ${d.message}`)),
    );
  // The flow may already be in the instance (named by the bundle, or found in --flows): run that one.
  let flow: FlowTarget | undefined = instance.flows().find((f) => f.key === sha256(read.bytes));
  if (!flow) {
    const loaded = instance.loadFlow(read.bytes, { file: flowPath });
    if (!loaded.ok) return fail([loaded.problem]);
    flow = loaded.flow;
    warnings.push(...loaded.warnings.map((w) => `${file}: ${w}`));
  }
  if (!opts.json) for (const w of warnings) io.stderr(`parley run: warning: ${w}\n`);

  let logFile: JsonLinesFile<FlowLogEntry> | undefined;
  if (opts.logs !== undefined) {
    const path = resolve(io.cwd, opts.logs);
    try {
      await writeFile(path, '');
    } catch (e) {
      io.stderr(`parley run: --logs ${opts.logs} cannot be written (${(e as Error).message})\n`);
      return 2;
    }
    logFile = new JsonLinesFile<FlowLogEntry>(path, { clock: systemClock });
  }

  const result = await simulateCall({
    instance,
    flow,
    script,
    executors: createExecutors(),
    voice:
      opts.tts === false
        ? placeholderVoice()
        : (clock) => new TextToSpeech({ cacheDir: join(tmpdir(), 'parley-tts'), clock }),
    ...(logFile
      ? {
          log: {
            write: (entry) => logFile.write(entry),
            flush: () => logFile.flush(),
            close: () => logFile.close(),
          },
        }
      : {}),
    timeLimitMs,
  });
  await logFile?.close();

  if (opts.json) io.stdout(`${JSON.stringify(toJson(result, flow, file, warnings), null, 2)}\n`);
  else io.stdout(formatRun(result, flow, file));
  if (!result.ok) {
    for (const p of result.problems)
      io.stderr(`parley run: ${p.code}: ${p.message}${p.at ? ` (action "${p.at}")` : ''}\n`);
    return 1;
  }
  return 0;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function toJson(result: SimulatedCall, flow: FlowTarget, file: string, warnings: string[]) {
  return {
    ok: result.ok,
    file,
    flow: { name: flow.name, arn: flow.arn, type: flow.type },
    contactId: result.contactId ?? null,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    end: result.end ?? null,
    path: result.path,
    flows: result.flows,
    transcript: result.transcript,
    problems: result.problems,
    warnings,
    record: result.record ?? null,
    flowLog: result.logs,
  };
}

const time = (ms: number) => {
  const m = Math.floor(ms / 60_000);
  const s = ((ms % 60_000) / 1000).toFixed(1).padStart(4, '0');
  return `${m}:${s}`;
};

/** One transcript line as text: what happened, at which block. */
export function describeLine(l: TranscriptLine): string {
  const at = (id: string) => (id ? `[${id}] ` : '');
  switch (l.kind) {
    case 'prompt':
      return `prompt      ${at(l.identifier)}"${l.text}"`;
    case 'input':
      return `input       ${at(l.identifier)}${l.digits}${l.ended === 'terminator' ? ' (terminated)' : ''}`;
    case 'timeout':
      return `timeout     ${at(l.identifier)}no input`;
    case 'intent': {
      const filled = Object.entries(l.slots).filter(([, v]) => v !== null);
      const slots = filled.length ? ` {${filled.map(([k, v]) => `${k}: ${v}`).join(', ')}}` : '';
      return `intent      ${at(l.identifier)}${l.intent}${slots} from ${l.via === 'dtmf' ? `keys ${l.heard}` : `"${l.heard}"`}`;
    }
    case 'transfer':
      return `${l.target === 'queue' || l.target === 'agent' ? 'queued    ' : 'transfer  '}  ${at(l.identifier)}to ${l.target} ${JSON.stringify(l.to)}`;
    case 'disconnect':
      return `disconnect  ${at(l.identifier)}by the ${l.by}`;
    case 'note':
      return `note        ${at(l.identifier)}${l.text}`;
    case 'caller':
      return `caller      ${l.text}`;
  }
}

const pathText = (path: readonly PathStep[]) => {
  let flow: string | undefined;
  return path
    .map((p) => {
      const label = p.flow !== flow ? `(${p.flow}) ${p.identifier}` : p.identifier;
      flow = p.flow;
      return label;
    })
    .join(' → ');
};

export function formatRun(result: SimulatedCall, flow: FlowTarget, file: string): string {
  const lines = [`${flow.name} (${file}), call placed ${result.startedAt}`];
  for (const l of result.transcript) lines.push(`  ${time(l.at).padStart(7)}  ${describeLine(l)}`);
  lines.push(`path: ${result.path.length ? pathText(result.path) : '(no block ran)'}`);
  const end = result.end;
  const how =
    end === undefined
      ? 'did not run'
      : end.kind === 'queued'
        ? `queued in ${end.queue}${end.toAgent ? ' (agent)' : ''}`
        : end.kind === 'disconnected'
          ? `disconnected by the ${end.by}`
          : end.kind === 'stopped'
            ? 'stopped'
            : `stopped by a fault (${end.problem.code})`;
  lines.push(
    `${result.ok ? '✓' : '✗'} ${how} after ${(result.durationMs / 1000).toFixed(1)} s, ${result.path.length} block${result.path.length === 1 ? '' : 's'}${result.contactId ? `, contact ${result.contactId}` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
