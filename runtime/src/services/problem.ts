import { CODES, type Code, type Diagnostic, diagnostic } from '@parley/flow';

/** HTTP status of each code a service or route can answer with; 422 for the rest. */
const STATUS: Partial<Record<Code, number>> = {
  API_UNAUTHORIZED: 401,
  API_FORBIDDEN: 403,
  API_NOT_FOUND: 404,
  PUBLISH_VERSION_UNKNOWN: 404,
  API_REQUEST_INVALID: 400,
  JSON_SYNTAX: 400,
  API_BODY_TOO_LARGE: 413,
  API_RATE_LIMITED: 429,
  API_ORIGIN_REFUSED: 403,
  API_INTERNAL: 500,
  STORE_UNAVAILABLE: 503,
  STORE_NAME_TAKEN: 409,
  STORE_VERSION_CONFLICT: 409,
  STORE_FLOW_TYPE_CHANGED: 409,
  TESTCALL_UNAVAILABLE: 503,
  TESTCALL_LIMIT: 429,
  TESTCALL_ENDED: 409,
  AGENT_UNAVAILABLE: 503,
  AGENT_TOKEN_UNBOUND: 403,
  AGENT_NOT_LOGGED_IN: 409,
  AGENT_NOT_FOUND: 404,
  AGENT_NOT_ALLOWED: 409,
  CENTER_NOT_SUPPORTED: 501,
  CENTER_DIAL_FAILED: 502,
};

/**
 * A refusal with a stable code, thrown by services and turned into the API's error body
 * `{ code, message, diagnostics }` by the server's error handler; the CLI prints the same.
 */
export class Problem extends Error {
  readonly status: number;
  constructor(
    readonly code: Code,
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'Problem';
    this.status = STATUS[code] ?? 422;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      title: CODES[this.code].title,
      message: this.message,
      ...(this.diagnostics.length > 0 ? { diagnostics: this.diagnostics } : {}),
      ...this.extra,
    };
  }
}

export const notFound = (what: string): Problem => new Problem('API_NOT_FOUND', `${what} does not exist`);

export const problemOf = (d: Diagnostic): Problem => new Problem(d.code, d.message, [d]);

export { diagnostic };

/** PostgreSQL's unique-violation, the same from PGlite and `pg`. */
export const isUniqueViolation = (e: unknown): boolean => (e as { code?: string } | null)?.code === '23505';

/**
 * PostgreSQL's refusals of text it cannot keep: a NUL character in text (22021) or in JSON (22P05),
 * an unpaired UTF-16 surrogate in JSON (22P02). JSON and JavaScript strings allow both, so they
 * reach the store from request bodies; they are the request's fault, not the server's.
 */
export function isUnstorableText(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  const message = e instanceof Error ? e.message : '';
  return code === '22021' || code === '22P05' || (code === '22P02' && /json/i.test(message));
}

/** Errors that mean the database itself is gone, not that the request was wrong. */
export function isStoreDown(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  const message = e instanceof Error ? e.message : '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      '57P01',
      '57P02',
      '57P03',
      '08006',
      '08001',
      '08003',
    ].includes(code) ||
    /Connection terminated|connection.*(closed|ended)|PGlite is closed|Cannot use a pool after calling end/i.test(
      message,
    )
  );
}
