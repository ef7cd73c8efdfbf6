import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'packages/*',
      'runtime',
      'designer',
      'packages/harness/vitest.e2e.config.ts',
      'designer/vitest.e2e.config.ts',
    ],
  },
});
