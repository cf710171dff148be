import { expect, type Page } from '@playwright/test';
import type { Device } from './fixtures';

// Stops and starts the local Supabase stack under the running app, for the specs in the `stack` project
// (playwright.config.ts), which run alone after every other spec because they take the stack away.

async function localbase(args: string[], env: Record<string, string | undefined> = {}): Promise<void> {
  const { localbase: run } = await import('../scripts/lib/supabase-env.mjs');
  // The CLI child inherits process.env; SUPABASE_<SECTION>_<KEY> overrides config.toml as in the Supabase CLI.
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    const result = await run(args);
    if (result.code !== 0) throw new Error(`npx localbase ${args.join(' ')} failed (${result.code}):\n${result.stderr}${result.stdout}`);
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

export const stopStack = () => localbase(['stop']);
export const startStack = (env: Record<string, string | undefined> = {}) => localbase(['start'], env);

/** Restarts the stack with env overrides (or none, to restore config.toml's values). */
export async function restartStack(env: Record<string, string | undefined> = {}): Promise<void> {
  await stopStack();
  await startStack(env);
}

/** Errors a browser logs while the API is down on purpose: refused fetches and sockets. */
export function tolerateOutage(...devices: Device[]): void {
  for (const device of devices) {
    device.tolerate(/ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|WebSocket connection to .* failed|Failed to fetch/);
  }
}

/** Seconds the session in this page's auth cookie is valid for (expires_in of the stored session). */
export async function sessionLifetime(page: Page): Promise<number> {
  const cookies = (await page.context().cookies()).filter((cookie) => /^sb-.+-auth-token(\.\d+)?$/.test(cookie.name));
  cookies.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  const value = cookies.map((cookie) => cookie.value).join('');
  expect(value.startsWith('base64-'), 'an @supabase/ssr session cookie').toBe(true);
  const session = JSON.parse(Buffer.from(value.slice('base64-'.length), 'base64url').toString('utf8')) as { expires_in: number };
  return session.expires_in;
}
