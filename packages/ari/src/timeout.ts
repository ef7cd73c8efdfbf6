import type { Clock } from './clock.js';

/**
 * Settles like `promise`, or rejects with `onTimeout()` once `ms` have passed on `clock`. The timer
 * runs on the injected clock so tests drive it with a ManualClock instead of waiting.
 */
export function withTimeout<T>(
  promise: Promise<T>,
  clock: Clock,
  ms: number | undefined,
  onTimeout: () => Error,
): Promise<T> {
  if (ms === undefined || !Number.isFinite(ms)) return promise;
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        clock.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clock.clearTimeout(timer);
        reject(error);
      },
    );
  });
}
