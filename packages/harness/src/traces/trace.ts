import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AriEvent } from '@parley/ari';

/** One line of a recorded trace (`asterisk-traces/README.md`, "File format"). */
export type TraceLine =
  | {
      kind: 'scenario';
      name: string;
      description: string;
      asterisk: string;
      dropped?: Record<string, number>;
    }
  | {
      kind: 'request';
      t: number;
      app: string;
      method: 'GET' | 'POST' | 'PUT' | 'DELETE';
      path: string;
      body: Record<string, unknown> | null;
      status: number;
      response: unknown;
      t_response: number;
      note?: string;
    }
  | { kind: 'event'; t: number; app: string; socket?: number; event: AriEvent }
  | {
      kind: 'ws';
      t: number;
      app: string;
      socket?: number;
      state: 'open' | 'closed';
      code?: number;
      url: string;
    }
  | { kind: 'note'; t: number; text: string };

export type RequestLine = Extract<TraceLine, { kind: 'request' }>;
export type EventLine = Extract<TraceLine, { kind: 'event' }>;
export type WsLine = Extract<TraceLine, { kind: 'ws' }>;

export interface Trace {
  name: string;
  header: Extract<TraceLine, { kind: 'scenario' }>;
  lines: TraceLine[];
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Traces recorded from Asterisk 22.10.1 live beside the clone; `ASTERISK_TRACES` points elsewhere. */
export function tracesDir(): string {
  return process.env.ASTERISK_TRACES ?? resolve(repoRoot, '../shared/reference/asterisk-traces');
}

export function hasTraces(): boolean {
  return existsSync(join(tracesDir(), 'README.md'));
}

export function readTrace(file: string): Trace {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as TraceLine);
  const [header] = lines;
  if (header?.kind !== 'scenario') throw new Error(`${file}: the first line is not a scenario header`);
  return { name: header.name, header, lines: lines.slice(1) };
}

export function allTraces(): Trace[] {
  const dir = tracesDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => readTrace(join(dir, f)));
}

/** `parley` or `parley#2`: events are compared per socket, because order only holds within one. */
export function socketKey(app: string, socket?: number): string {
  return socket && socket > 1 ? `${app}#${socket}` : app;
}
