import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { chromium, defineConfig, devices } from '@playwright/test';
import { LAN_ADDRESS_VAR, lanAddress } from './lib/lan.js';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;
/** LAN mode e2e: `npm run dev -- --lan` on E2E_LAN_PORT, opened at this machine's non-loopback address. */
const LAN_ADDRESS = process.env[LAN_ADDRESS_VAR] || lanAddress(networkInterfaces());
const LAN_PORT = Number(process.env.E2E_LAN_PORT ?? 3101);

/** PLAYWRIGHT_CHROMIUM_PATH, else Playwright's own Chromium when downloaded, else the system one (/usr/bin/chromium). */
function chromiumPath(): string {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  const bundled = chromium.executablePath();
  return bundled && existsSync(bundled) ? bundled : '/usr/bin/chromium';
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /(stack-lifecycle|lan-mode)\.spec\.ts$/,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath(),
          args: CHROMIUM_ARGS,
        },
      },
    },
    {
      // Specs that stop, start or reconfigure the Supabase stack under the app: after every other spec, serially.
      name: 'stack',
      testMatch: /stack-lifecycle\.spec\.ts$/,
      dependencies: ['chromium'],
      fullyParallel: false,
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS } },
    },
    {
      // Restarts the stack in LAN mode under its own dev server, then back to loopback: after `stack`, serially.
      name: 'lan',
      testMatch: /lan-mode\.spec\.ts$/,
      dependencies: ['stack'],
      fullyParallel: false,
      // The dev server compiles each route on its first visit, which takes seconds on a small machine.
      expect: { timeout: 60_000 },
      use: {
        ...devices['Desktop Chrome'],
        baseURL: LAN_ADDRESS ? `http://${LAN_ADDRESS}:${LAN_PORT}` : undefined,
        navigationTimeout: 90_000,
        launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
      },
    },
  ],
  globalTeardown: './e2e/global-teardown.ts',
  // Starts localbase when needed, builds, and serves the production build (scripts/e2e-server.mjs).
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: BASE_URL,
    // SUPABASE_API_PORT, SUPABASE_DB_PORT and SUPABASE_INBUCKET_PORT (the mail catcher e2e/mail-catcher.ts reads)
    // reach localbase from this process's environment, like every SUPABASE_* override of config.toml.
    env: { E2E_PORT: String(PORT) },
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
