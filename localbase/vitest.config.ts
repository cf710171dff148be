import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'localbase',
    include: ['test/**/*.test.ts'],
    // Each CLI test file boots its own PostgreSQL on free ports; cold starts take about a second on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
