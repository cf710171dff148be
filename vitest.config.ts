import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'localbase',
      {
        extends: false,
        test: { name: 'app', include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'app/**/*.test.{ts,tsx}'] },
      },
    ],
  },
});
