#!/usr/bin/env node
// @ts-check
// Playwright's webServer (playwright.config.ts): ensures Supabase settings (localbase started when needed, the same
// rule as `npm run dev`), then `next build` and `next start` on E2E_PORT (default 3100, apart from dev's 3000).
// NEXT_PUBLIC_* are inlined at build time, so build and start get the same environment.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exitLike, runBin } from './lib/run-bin.mjs';
import { E2E_STARTED_LOCALBASE, resolveSupabaseEnv } from './lib/supabase-env.mjs';

const PORT = process.env.E2E_PORT ?? '3100';

try {
  const supabase = await resolveSupabaseEnv({ mode: 'production' });
  console.log(`Supabase: ${supabase.url} from ${supabase.source}`);
  // e2e/global-teardown.ts stops what this run started and leaves a stack the developer started alone.
  if (supabase.started) {
    mkdirSync(path.dirname(E2E_STARTED_LOCALBASE), { recursive: true });
    writeFileSync(E2E_STARTED_LOCALBASE, `${new Date().toISOString()}\n`);
  }
  const env = { ...process.env, ...supabase.env };
  const build = await runBin('next', ['build'], { env });
  if (build.code !== 0 || build.signal) exitLike(build);
  exitLike(await runBin('next', ['start', '-p', PORT, '-H', '127.0.0.1'], { env }));
} catch (error) {
  console.error(`e2e server: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
