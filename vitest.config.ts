import { defineConfig } from 'vitest/config';
import { localbaseProjects } from './localbase/vitest.projects';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'app',
          include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'app/**/*.test.{ts,tsx}'],
          alias: { '@/': new URL('./', import.meta.url).pathname },
        },
      },
      {
        test: {
          name: 'db',
          // The schema's security rules, driven through supabase-js against a throwaway localbase (global-setup.ts).
          include: ['supabase/tests/**/*.test.ts'],
          globalSetup: ['supabase/tests/global-setup.ts'],
          alias: { '@/': new URL('./', import.meta.url).pathname },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...localbaseProjects,
    ],
  },
});
