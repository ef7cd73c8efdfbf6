import { defineProject } from 'vitest/config';

// The end-to-end suite: the same files against ari-sim (default) or a real Asterisk
// (PARLEY_TEST_ARI_URL). Files run one at a time because each owns the `parley` and `harness` apps.
export default defineProject({
  test: {
    name: 'e2e',
    // The runtime's whole-flow runs share this project: one run at a time owns the two apps.
    include: ['e2e/**/*.e2e.test.ts', '../../runtime/e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
