import { defineProject } from 'vitest/config';

// Browser tests: the built designer served by Parley, driven in Debian's Chromium (playwright-core).
// One file at a time: each starts Parley and a browser, and two cores run them no faster together.
export default defineProject({
  test: {
    name: 'designer-e2e',
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    // The first start may build the designer (vite build) before Parley starts.
    hookTimeout: 240_000,
  },
});
