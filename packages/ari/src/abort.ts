import { abortedError } from './errors.js';

/**
 * Handlers to run when a signal aborts, registered with one `abort` listener per signal: a call's
 * signal guards every command made for it, and an EventTarget listener per command costs more than
 * the command's own bookkeeping.
 */
const pending = new WeakMap<AbortSignal, Set<() => void>>();

/** Runs `handler` once `signal` aborts; the returned function forgets it. */
export function onAbort(signal: AbortSignal, handler: () => void): () => void {
  let handlers = pending.get(signal);
  if (!handlers) {
    const set = new Set<() => void>();
    handlers = set;
    pending.set(signal, set);
    signal.addEventListener(
      'abort',
      () => {
        for (const run of [...set]) run();
        set.clear();
      },
      { once: true },
    );
  }
  const own = handlers;
  own.add(handler);
  return () => own.delete(handler);
}

/** Settles like `promise`, or rejects as `ABORTED` once `signal` aborts, whichever comes first. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, operation: string): Promise<T> {
  if (signal.aborted) return Promise.reject(abortedError(operation, signal));
  return new Promise<T>((resolve, reject) => {
    const forget = onAbort(signal, () => reject(abortedError(operation, signal)));
    promise.then(
      (value) => {
        forget();
        resolve(value);
      },
      (error: unknown) => {
        forget();
        reject(error);
      },
    );
  });
}
