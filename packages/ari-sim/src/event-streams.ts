import { AriError, type EventStream } from '@parley/ari';
import type { EventSink } from './model/apps.js';
import type { Core } from './model/core.js';

/**
 * Attaches an events socket to its apps. A socket taking over an app leaves the old one open but
 * sends it ApplicationReplaced and nothing more; nothing is sent to the new one (22.10.1 sends no
 * ApplicationRegistered). Returns the detach to call when the socket closes, for whatever reason.
 */
export function attachEventSink(
  core: Core,
  apps: readonly string[],
  subscribeAll: boolean,
  sink: EventSink,
): () => void {
  const replaced = core.apps.connect(apps, sink, subscribeAll);
  for (const { app, old } of replaced) {
    old.send(
      JSON.stringify({
        type: 'ApplicationReplaced',
        timestamp: core.timestamp(),
        application: app,
        asterisk_id: core.config.asteriskId,
      }),
    );
  }
  return () => core.apps.disconnect(sink);
}

/** An events "socket" without a socket: the same JSON text, delivered on the microtask queue. */
export class InProcessStream implements EventStream, EventSink {
  #messages: ((text: string) => void)[] = [];
  #closes: ((code: number, reason: string) => void)[] = [];
  #closed = false;
  detach: () => void = () => {};

  send(text: string): void {
    if (this.#closed) return;
    queueMicrotask(() => {
      if (this.#closed) return;
      for (const listener of this.#messages) listener(text);
    });
  }

  onMessage(listener: (text: string) => void): void {
    this.#messages.push(listener);
  }

  onClose(listener: (code: number, reason: string) => void): void {
    this.#closes.push(listener);
  }

  close(code = 1000): void {
    if (this.#closed) return;
    this.#closed = true;
    this.detach();
    queueMicrotask(() => {
      for (const listener of this.#closes) listener(code, '');
    });
  }

  ping(): Promise<void> {
    return this.#closed ? Promise.reject(new Error('events stream closed')) : Promise.resolve();
  }
}

export function upgradeRefused(status: number, message: string): AriError {
  return new AriError({
    code: 'HTTP',
    status,
    message,
    operation: 'events.eventWebsocket',
    body: JSON.stringify({ message }),
  });
}
