/**
 * Polls `check` every 100 ms until it holds; throws after `ms` saying what never happened. For tests
 * that watch other processes (workers, the store), where there is no event to wait on.
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 30_000,
): Promise<void> {
  for (let waited = 0; waited < ms; waited += 100) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never: ${what}`);
}
