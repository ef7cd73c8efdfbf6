import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { type RunningParley, startParley } from '../../src/host/start.js';

export interface Server {
  parley: RunningParley;
  token: string;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions
  api(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

/** `parley start` on a temporary data dir: ari-sim, the demo instance, no designer. */
export async function startServer(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-testcalls-'));
  const parley = await startParley({ dataDir: dir, port: 0, designer: false, logger: false });
  const token = parley.adminToken ?? '';
  return {
    parley,
    token,
    async api(method, path, body, as = token) {
      const res = await fetch(`${parley.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${as}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : undefined };
    },
    async close() {
      await parley.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: messages are read field by field in assertions
export type Message = Record<string, any>;

/** A test call's event socket: every message kept, and waits for the first one matching. */
export interface CallSocket {
  messages: Message[];
  next(match: (m: Message) => boolean, what: string, timeoutMs?: number): Promise<Message>;
  close(): void;
}

export async function followCall(server: Server, instance: string, id: string): Promise<CallSocket> {
  const url = `${server.parley.url.replace(/^http/, 'ws')}/api/instances/${instance}/test-calls/${id}/events?access_token=${server.token}`;
  const socket = new WebSocket(url);
  const messages: Message[] = [];
  const waiting = new Set<() => void>();
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as Message);
    for (const check of waiting) check();
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return {
    messages,
    next: (match, what, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return;
          waiting.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        waiting.add(check);
        check();
      }),
    close: () => socket.close(),
  };
}
