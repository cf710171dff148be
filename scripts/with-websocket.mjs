#!/usr/bin/env node
// @ts-check
// Usage: node scripts/with-websocket.mjs <bin> [args...]
//
// Runs node_modules/.bin/<bin> so that it and every Node process it starts has a global WebSocket: on Node 20/21
// (no `globalThis.WebSocket`) it re-spawns the command with NODE_OPTIONS += `--experimental-websocket`; on
// Node 22+ it runs the command unchanged. Exit codes and SIGINT/SIGTERM/SIGHUP pass through.
//
// Why: @supabase/supabase-js 2.119 throws in createClient() on Node 20 unless a global WebSocket exists or
// `realtime: { transport }` is passed, even for clients that never open a socket. We chose the flag over a `ws`
// transport in every client so the app and test code are exactly what they will be on Node 22+. The npm scripts
// build, start, test:unit and test:e2e use it; details and measurements in scripts/lib/run-bin.mjs.
import { exitLike, runBin } from './lib/run-bin.mjs';

const [bin, ...args] = process.argv.slice(2);
if (!bin) {
  console.error('Usage: node scripts/with-websocket.mjs <bin> [args...]   (bin from node_modules/.bin)');
  process.exit(2);
}

try {
  exitLike(await runBin(bin, args));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
