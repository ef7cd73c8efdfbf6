/**
 * The CLI's side of a running Parley server: which `--instance` means a server instance, where the
 * server is (`--server`, else PARLEY_URL) with which token (`--token`, else PARLEY_TOKEN), and one
 * JSON request to it. The token goes in the Authorization header only and is never printed.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const DEFAULT_SERVER = 'http://127.0.0.1:8080';

export interface ServerOptions {
  server?: string;
  token?: string;
}

/** `--instance` names an instance bundle when it is an existing file or ends in `.json`. */
export const isBundleRef = (ref: string, cwd: string): boolean =>
  ref.endsWith('.json') || existsSync(resolve(cwd, ref));

export type ServerAnswer = { reached: true; status: number; body: unknown } | { reached: false; why: string };

/** A refusal as the API sends it: `{ code, message, diagnostics?, … }`. */
export interface ProblemBody {
  code: string;
  message: string;
  diagnostics?: { code: string; message: string }[];
  [extra: string]: unknown;
}

export const isProblem = (body: unknown): body is ProblemBody =>
  typeof body === 'object' && body !== null && typeof (body as ProblemBody).code === 'string';

export class ServerClient {
  readonly url: string;
  readonly #token: string | undefined;

  constructor(options: ServerOptions, env: NodeJS.ProcessEnv = process.env) {
    this.url = (options.server ?? env.PARLEY_URL ?? DEFAULT_SERVER).replace(/\/+$/, '');
    this.#token = options.token ?? env.PARLEY_TOKEN;
  }

  /** The URL as it may be printed: without credentials someone put in it. */
  get shown(): string {
    try {
      const u = new URL(this.url);
      u.username = '';
      u.password = '';
      return u.toString().replace(/\/+$/, '');
    } catch {
      return this.url;
    }
  }

  /** `/api/instances/<instance>/<rest>`, each segment escaped (flow names have spaces, ARNs slashes). */
  instancePath(instance: string, ...rest: string[]): string {
    return ['/api/instances', instance, ...rest]
      .map((s, i) => (i === 0 ? s : encodeURIComponent(s)))
      .join('/');
  }

  async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ServerAnswer> {
    let url: URL;
    try {
      url = new URL(path, `${this.url}/`);
    } catch {
      return { reached: false, why: `${this.shown} is not a URL (--server or PARLEY_URL)` };
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.#token) headers.authorization = `Bearer ${this.#token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      return {
        reached: false,
        why: `cannot reach ${this.shown} (${cause?.code ?? cause?.message ?? (e as Error).message})`,
      };
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: the text itself says what went wrong.
    }
    return { reached: true, status: res.status, body: parsed };
  }

  /** What to tell the user about a refusal, with a hint when the token is the problem. */
  refusal(status: number, body: unknown): string {
    if (!isProblem(body)) return `${this.shown} answered ${status}: ${String(body).slice(0, 200)}`;
    const lines = [`${body.code}: ${body.message}`];
    for (const d of body.diagnostics ?? []) lines.push(`  ${d.code}: ${d.message}`);
    if (body.code === 'API_UNAUTHORIZED' && !this.#token) lines.push('  (give --token or set PARLEY_TOKEN)');
    return lines.join('\n');
  }
}
