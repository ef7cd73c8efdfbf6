import { defineProject } from 'vitest/config';

// CI runs every project at once on 2 cores: a first test that loads the corpus can take seconds there.
export default defineProject({
  test: { name: 'ari-sim', include: ['test/**/*.test.ts'], testTimeout: 30_000 },
});
