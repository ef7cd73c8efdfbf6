import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The unit files wait on sockets, child processes and embedded stores more than they compute:
    // with Vitest's default (one worker fewer than the cores) a 2-core CI host ran them one at a
    // time on a core and a half. Three at once took the unit projects from 581 s to 329 s there.
    maxWorkers: Math.max(3, availableParallelism() - 1),
    projects: [
      'packages/*',
      'runtime',
      'designer',
      'packages/harness/vitest.e2e.config.ts',
      'designer/vitest.e2e.config.ts',
    ],
  },
});
