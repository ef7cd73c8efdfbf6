import { defineProject } from 'vitest/config';

// Node for now: the system core is framework-free; browser tests come with Playwright.
export default defineProject({
  test: { name: 'designer', include: ['src/**/*.test.{ts,tsx}'], environment: 'node' },
});
