import { defineProject } from 'vitest/config';

// Node: the system core is framework-free; browser tests are in vitest.e2e.config.ts.
// The first test of a file may read the fixtures and the corpus, seconds on a loaded 2-core CI host.
export default defineProject({
  test: { name: 'designer', include: ['src/**/*.test.{ts,tsx}'], environment: 'node', testTimeout: 30_000 },
});
