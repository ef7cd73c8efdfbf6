import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { ManualClock } from '@parley/ari';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowLogEntry } from '../../src/logs/entry.js';
import {
  FlowLogFiles,
  JsonLinesFile,
  logGroupName,
  MemoryFlowLogSink,
  StreamFlowLogSink,
  searchLogs,
  teeFlowLogSinks,
} from '../../src/logs/sinks.js';

let dir: string;
let clock: ManualClock;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-logs-'));
  clock = new ManualClock(Date.parse('2024-06-01T12:00:00Z'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (
  contactId: string,
  Identifier: string,
  Timestamp = '2024-06-01T12:00:00.000Z',
): FlowLogEntry => ({
  ContactId: contactId,
  ContactFlowId: 'arn:aws:connect:us-east-1:012345678901:instance/i-1/contact-flow/f-1',
  ContactFlowName: 'Main',
  ContactFlowModuleType: 'PlayPrompt',
  Identifier,
  Timestamp,
  Parameters: { Text: 'hello' },
});

const readLines = async (path: string): Promise<unknown[]> =>
  existsSync(path)
    ? (await readFile(path, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];

describe('flow-log files', () => {
  it('keep one log group per instance and one stream file per worker, named as CloudWatch names them', () => {
    const files = new FlowLogFiles({ dir, stream: 'worker-1', clock });
    expect(relative(dir, files.pathOf('acme-prod'))).toBe(
      join('aws', 'connect', 'acme-prod', 'worker-1.jsonl'),
    );
    expect(logGroupName('acme-prod')).toBe('/aws/connect/acme-prod');
    expect(files.group('acme-prod')).toBe(files.group('acme-prod'));
    expect(files.group('acme-test').path).not.toBe(files.group('acme-prod').path);
  });

  it('never let an alias or a stream name climb out of the log directory', () => {
    const files = new FlowLogFiles({ dir, stream: '../../etc/passwd', clock });
    const path = files.pathOf('../../../tmp/evil');
    expect(relative(dir, path).startsWith('..')).toBe(false);
    expect(relative(join(dir, 'aws', 'connect'), path).split(/[\\/]/)).toHaveLength(2);
  });

  it('hold entries in memory until the flush interval passes on the clock, then write them in order', async () => {
    const files = new FlowLogFiles({ dir, stream: 'w', clock, flushIntervalMs: 1000 });
    const sink = files.group('acme');
    sink.write(entry('c-1', 'a'));
    sink.write(entry('c-1', 'b'));
    sink.write(entry('c-1', 'c'));
    await clock.advance(999);
    expect(existsSync(sink.path)).toBe(false);
    await clock.advance(1);
    await vi.waitFor(async () => expect(await readLines(sink.path)).toHaveLength(3));
    expect(((await readLines(sink.path)) as FlowLogEntry[]).map((e) => e.Identifier)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('write at once when a batch is full, without waiting for the clock', async () => {
    const files = new FlowLogFiles({ dir, stream: 'w', clock, flushIntervalMs: 60_000, maxLines: 2 });
    const sink = files.group('acme');
    sink.write(entry('c-1', 'a'));
    sink.write(entry('c-1', 'b'));
    await vi.waitFor(async () => expect(await readLines(sink.path)).toHaveLength(2));
  });

  it('store every entry on close, including ones written while closing', async () => {
    const files = new FlowLogFiles({ dir, stream: 'w', clock });
    const sink = files.group('acme');
    for (let i = 0; i < 10; i++) sink.write(entry('c-1', `b${i}`));
    const closing = files.close();
    sink.write(entry('c-1', 'late'));
    await closing;
    await sink.flush();
    const ids = ((await readLines(sink.path)) as FlowLogEntry[]).map((e) => e.Identifier);
    expect(ids).toEqual([...Array.from({ length: 10 }, (_, i) => `b${i}`), 'late']);
  });

  it('keep entries a failed write could not store and write them on the next try', async () => {
    const blocked = join(dir, 'store');
    await writeFile(blocked, 'not a directory');
    const errors: unknown[] = [];
    const files = new FlowLogFiles({ dir: blocked, stream: 'w', clock, onError: (e) => errors.push(e) });
    const sink = files.group('acme');
    sink.write(entry('c-1', 'a'));
    sink.write(entry('c-1', 'b'));
    await expect(sink.flush()).rejects.toThrow();
    await rm(blocked);
    await mkdir(blocked);
    sink.write(entry('c-1', 'c'));
    await sink.close();
    expect(((await readLines(sink.path)) as FlowLogEntry[]).map((e) => e.Identifier)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('report a failed timed write to onError instead of throwing', async () => {
    const blocked = join(dir, 'store');
    await writeFile(blocked, 'x');
    const errors: unknown[] = [];
    const sink = new FlowLogFiles({ dir: blocked, stream: 'w', clock, onError: (e) => errors.push(e) }).group(
      'a',
    );
    sink.write(entry('c-1', 'a'));
    await clock.advance(1000);
    await vi.waitFor(() => expect(errors).toHaveLength(1));
  });
});

describe('searching the logs', () => {
  it("finds a contact's entries across groups and worker streams, oldest first", async () => {
    const one = new FlowLogFiles({ dir, stream: 'worker-1', clock });
    const two = new FlowLogFiles({ dir, stream: 'worker-2', clock });
    one.group('acme').write(entry('c-1', 'first', '2024-06-01T12:00:00.100Z'));
    one.group('acme').write(entry('c-2', 'someone else', '2024-06-01T12:00:00.150Z'));
    two.group('acme').write(entry('c-1', 'second', '2024-06-01T12:00:00.200Z'));
    one.group('acme').write(entry('c-1', 'third', '2024-06-01T12:00:00.300Z'));
    two.group('other').write(entry('c-1', 'fourth', '2024-06-01T12:00:00.400Z'));
    await Promise.all([one.close(), two.close()]);
    const found = await searchLogs(dir, 'c-1');
    expect(found.map((e) => e.Identifier)).toEqual(['first', 'second', 'third', 'fourth']);
  });

  it('keeps file order for entries of the same millisecond', async () => {
    const files = new FlowLogFiles({ dir, stream: 'w', clock });
    for (const id of ['x', 'y', 'z']) files.group('acme').write(entry('c-1', id));
    await files.close();
    expect((await searchLogs(dir, 'c-1')).map((e) => e.Identifier)).toEqual(['x', 'y', 'z']);
  });

  it('skips torn lines and lines that are not flow-log entries', async () => {
    const files = new FlowLogFiles({ dir, stream: 'w', clock });
    const sink = files.group('acme');
    sink.write(entry('c-1', 'ok'));
    await files.close();
    await appendFile(sink.path, '{"ContactId":"c-1","AWSAccountId":"1"}\n{"ContactId":"c-1","Contac');
    expect((await searchLogs(dir, 'c-1')).map((e) => e.Identifier)).toEqual(['ok']);
  });

  it('finds nothing, without failing, where there is no log directory', async () => {
    expect(await searchLogs(join(dir, 'missing'), 'c-1')).toEqual([]);
  });
});

describe('other sinks', () => {
  it('write JSON lines to stdout or any stream, batched on the clock', async () => {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
    const sink = new StreamFlowLogSink({ clock, out });
    sink.write(entry('c-1', 'a'));
    sink.write(entry('c-1', 'b'));
    expect(chunks).toEqual([]);
    await sink.close();
    const lines = chunks.join('').split('\n').filter(Boolean);
    expect(lines.map((l) => (JSON.parse(l) as FlowLogEntry).Identifier)).toEqual(['a', 'b']);
  });

  it('keep entries in memory for tests, by contact', () => {
    const sink = new MemoryFlowLogSink();
    sink.write(entry('c-1', 'a'));
    sink.write(entry('c-2', 'b'));
    expect(sink.forContact('c-2').map((e) => e.Identifier)).toEqual(['b']);
  });

  it('fan out to several sinks at once', async () => {
    const a = new MemoryFlowLogSink();
    const file = new JsonLinesFile<FlowLogEntry>(join(dir, 'run.jsonl'), { clock });
    const both = teeFlowLogSinks(a, file);
    both.write(entry('c-1', 'a'));
    await both.close();
    expect(a.entries).toHaveLength(1);
    expect(await readLines(file.path)).toHaveLength(1);
  });
});
