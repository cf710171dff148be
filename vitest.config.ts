import { defineConfig } from 'vitest/config';
import { localbaseProjects } from './localbase/vitest.projects';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'app', include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'app/**/*.test.{ts,tsx}'] } },
      ...localbaseProjects,
    ],
  },
});
