import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'ari', include: ['test/**/*.test.ts'] } });
