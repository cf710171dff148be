import { fileURLToPath } from 'node:url';
import type { TestProjectInlineConfiguration } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Shared by this package's vitest.config.ts and the repository root's, so both run the same suites. */
export const localbaseProjects: TestProjectInlineConfiguration[] = [
  {
    test: {
      name: 'localbase',
      root,
      include: ['test/unit/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/db/**/*.test.ts'],
      // Each CLI test file boots its own PostgreSQL on free ports; cold starts take about a second on 2 cores.
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  },
  {
    test: {
      name: 'conformance',
      root,
      include: ['test/conformance/**/*.test.ts'],
      // One stack for the whole run (one real PostgreSQL per run, fresh schema per file).
      globalSetup: ['test/conformance/global-setup.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
];
