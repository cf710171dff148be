#!/usr/bin/env node
// @ts-check
// `npm run dev`: `next dev` on port 3000 against the Supabase named by the environment or .env files, or else
// against localbase, which it starts when needed (scripts/lib/supabase-env.mjs). Extra args go to `next dev`.
//
// `npm run dev -- --lan[=<ip>]`: LAN mode, so a phone on the same network can use the app (README "LAN mode").
// The browser and the app's server use the same LAN Supabase URL: @supabase/ssr names the session cookie after
// that URL's host, so one URL on both sides keeps middleware, server components and browser on one cookie.
import { networkInterfaces } from 'node:os';
import lan from '../lib/lan.js';
import { lanBanner } from './lib/lan-banner.mjs';
import { exitLike, runBin } from './lib/run-bin.mjs';
import { resolveSupabaseEnv } from './lib/supabase-env.mjs';

const PORT = process.env.PORT ?? '3000';

try {
  const { lan: lanMode, address: asked, nextArgs } = lan.parseLanArgs(process.argv.slice(2), process.env);
  const address = lanMode ? (asked ?? lan.lanAddress(networkInterfaces())) : undefined;
  if (lanMode && !address) throw new Error('--lan: this machine has no non-loopback IPv4 address. Join a network, or pass --lan=<ip>.');
  // Inherited by `localbase start` when this starts the stack: the gateway then also listens on the LAN address.
  if (address) process.env.LOCALBASE_API_HOST = address;

  const supabase = await resolveSupabaseEnv({ mode: 'development' });
  console.log(`Supabase: ${supabase.url} from ${supabase.source}`);
  const env = { ...process.env, ...supabase.env };
  delete env[lan.LAN_ADDRESS_VAR];
  if (address) {
    assertReachable(supabase, address);
    env[lan.LAN_ADDRESS_VAR] = address;
    const appUrl = `http://${address}:${PORT}`;
    console.log(await lanBanner({ appUrl, supabaseUrl: supabase.url, localbase: supabase.source.startsWith('localbase') }));
  }
  exitLike(await runBin('next', ['dev', '-p', PORT, ...nextArgs], { env }));
} catch (error) {
  console.error(`npm run dev: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

/**
 * A phone resolves 127.0.0.1 to itself, so a loopback Supabase URL cannot work in LAN mode.
 * @param {import('./lib/supabase-env.mjs').SupabaseEnv} supabase
 * @param {string} address
 */
function assertReachable(supabase, address) {
  const fromLocalbase = supabase.source.startsWith('localbase');
  if (fromLocalbase && new URL(supabase.url).hostname !== address) {
    throw new Error(
      `--lan: localbase is already running at ${supabase.url}, not on ${address}. ` +
        'Stop it (`npx localbase stop`; this also ends any e2e run using it) and run `npm run dev -- --lan` again.',
    );
  }
  if (!fromLocalbase && lan.isLoopbackUrl(supabase.url)) {
    throw new Error(
      `--lan: NEXT_PUBLIC_SUPABASE_URL from ${supabase.source} is ${supabase.url}, which other devices cannot reach. ` +
        'Remove it to let LAN mode use localbase, or point it at an address they can reach.',
    );
  }
}
