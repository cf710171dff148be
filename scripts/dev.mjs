#!/usr/bin/env node
// @ts-check
// `npm run dev`: `next dev` on port 3000 against the Supabase named by the environment or .env files, or else
// against localbase, which it starts when needed (scripts/lib/supabase-env.mjs). Extra args go to `next dev`.
import { exitLike, runBin } from './lib/run-bin.mjs';
import { resolveSupabaseEnv } from './lib/supabase-env.mjs';

const PORT = process.env.PORT ?? '3000';

try {
  const supabase = await resolveSupabaseEnv({ mode: 'development' });
  console.log(`Supabase: ${supabase.url} from ${supabase.source}`);
  exitLike(await runBin('next', ['dev', '-p', PORT, ...process.argv.slice(2)], { env: { ...process.env, ...supabase.env } }));
} catch (error) {
  console.error(`npm run dev: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
