import { defineProject } from 'vitest/config';

// Opening an embedded store (PGlite compiles PostgreSQL's WebAssembly) takes seconds on a loaded
// two-core machine; these limits only catch hangs, they time nothing.
export default defineProject({
  test: { name: 'runtime', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
});
