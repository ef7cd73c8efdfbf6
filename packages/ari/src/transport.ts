/**
 * How the client reaches an Asterisk: REST requests and event streams. `httpTransport` speaks HTTP +
 * WebSocket; ari-sim offers an in-process transport with the same contract so unit tests need no
 * sockets. Both carry JSON text, so the client's parsing is exercised either way.
 */
export interface AriRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below `/ari`, path parameters already substituted and percent-encoded: `/channels/abc/play`. */
  path: string;
  /** Query parameters, multi-valued ones comma-joined (as Asterisk splits them). */
  query: Record<string, string>;
  /** JSON body for POST/PUT; Asterisk reads every parameter from it as well as from the query. */
  body?: Record<string, unknown>;
}

export interface AriResponse {
  status: number;
  /** Response text (JSON for objects, empty for 204) or bytes for binary downloads. */
  body: string | Uint8Array;
  contentType?: string;
}

export interface EventStreamOptions {
  apps: readonly string[];
  subscribeAll?: boolean;
}

/** One open events websocket. Messages are the raw JSON text frames Asterisk sends. */
export interface EventStream {
  onMessage(listener: (text: string) => void): void;
  /** Called once when the stream ends, by either side; 1000 = normal, 1006 = abnormal. */
  onClose(listener: (code: number, reason: string) => void): void;
  close(code?: number): void;
  /** Liveness probe; resolves when the peer answers, rejects when the stream is dead. */
  ping(timeoutMs: number): Promise<void>;
}

export interface AriTransport {
  request(req: AriRequest): Promise<AriResponse>;
  /** Opens an events stream; rejects with `AriError` (401 …) when the server refuses the upgrade. */
  openEvents(options: EventStreamOptions): Promise<EventStream>;
}
