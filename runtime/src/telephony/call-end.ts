import type { CallEnd } from './port.js';

/**
 * The once-only end of a call and who is told about it: what every CallPort keeps the same way,
 * whether it speaks ARI or lives in memory for a test or a benchmark.
 */
export class CallEnding {
  ended: CallEnd | undefined;
  readonly #listeners = new Set<(end: CallEnd) => void>();

  /** Called once when the call ends; at once when it has already ended. */
  onEnd(listener: (end: CallEnd) => void): () => void {
    if (this.ended) {
      listener(this.ended);
      return () => {};
    }
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Ends the call, listeners in the order they came; an end after the first is ignored. */
  end(end: CallEnd): void {
    if (this.ended) return;
    this.ended = end;
    for (const listener of [...this.#listeners]) listener(end);
    this.#listeners.clear();
  }
}
