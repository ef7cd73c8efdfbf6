import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'ari-sim', include: ['test/**/*.test.ts'] } });
