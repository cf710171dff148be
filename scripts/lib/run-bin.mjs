// @ts-check
// Runs a package binary from node_modules/.bin with a global WebSocket guaranteed.
//
// Why: @supabase/supabase-js 2.119 throws inside createClient() ("Node.js detected but native WebSocket not
// found") when no global WebSocket exists, even for server clients that never open a socket, because
// RealtimeClient resolves its transport in its constructor (realtime-js
// src/lib/websocket-factory.ts). Node 22+ has a global WebSocket; Node 20/21 only behind
// `--experimental-websocket`. We add that flag through NODE_OPTIONS, so every Node process the command forks
// (vitest workers, Playwright workers, Next's build workers and server) inherits it; the app code needs no `ws`
// transport. On Node 22+ the command runs unchanged.
//
// Measured on Node 20.20 with Next 15.5.29: Next itself would cope without the flag. Its server and build
// workers install a lazy global WebSocket from its compiled `ws` when none exists
// (next/dist/server/node-environment-baseline.js), and middleware runs in the edge sandbox, which has its own
// WebSocket (@edge-runtime/primitives). The flag matters for processes Next does not own (vitest, Playwright
// specs and fixtures, scripts); for next build/start it keeps the WebSocket the same one Node 22 ships.
import { spawn } from 'node:child_process';
import { existsSync, openSync, readSync, closeSync, realpathSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const WEBSOCKET_FLAG = '--experimental-websocket';
const FORWARDED_SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/**
 * The environment a child needs for a global WebSocket: NODE_OPTIONS += --experimental-websocket on Node 20/21.
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
export function withWebSocketEnv(env) {
  if (typeof globalThis.WebSocket !== 'undefined') return env;
  const current = env.NODE_OPTIONS ?? '';
  if (current.split(/\s+/).includes(WEBSOCKET_FLAG)) return env;
  return { ...env, NODE_OPTIONS: `${current} ${WEBSOCKET_FLAG}`.trim() };
}

/**
 * Resolves `name` to node_modules/.bin/<name>; returns the program and leading args to spawn.
 * Node scripts run under this very Node binary (process.execPath), not whatever `node` is first on PATH.
 * @param {string} name
 * @returns {{ command: string, args: string[] }}
 */
export function resolveBin(name) {
  const bin = path.join(ROOT, 'node_modules', '.bin', name);
  if (!existsSync(bin)) {
    throw new Error(`Cannot find "${name}" in node_modules/.bin. Run \`npm install\` at the repository root.`);
  }
  const target = realpathSync(bin);
  return isNodeScript(target) ? { command: process.execPath, args: [target] } : { command: bin, args: [] };
}

/** @param {string} file */
function isNodeScript(file) {
  if (/\.(c|m)?js$/.test(file)) return true;
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(128);
    const bytes = readSync(fd, buffer, 0, buffer.length, 0);
    const firstLine = buffer.toString('utf8', 0, bytes).split('\n')[0] ?? '';
    return firstLine.startsWith('#!') && firstLine.includes('node');
  } finally {
    closeSync(fd);
  }
}

/**
 * Spawns a package binary with stdio inherited and a global WebSocket, forwards SIGINT/SIGTERM/SIGHUP to it, and
 * resolves with how it ended. It never rejects for a non-zero exit; callers decide.
 * @param {string} name binary in node_modules/.bin
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null }>}
 */
export function runBin(name, args, options = {}) {
  const { command, args: leading } = resolveBin(name);
  const child = spawn(command, [...leading, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: withWebSocketEnv(options.env ?? process.env),
  });
  /** @type {Array<[NodeJS.Signals, () => void]>} */
  const forwarders = FORWARDED_SIGNALS.map((signal) => [signal, () => child.kill(signal)]);
  for (const [signal, forward] of forwarders) process.on(signal, forward);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      for (const [signal, forward] of forwarders) process.off(signal, forward);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      for (const [sig, forward] of forwarders) process.off(sig, forward);
      resolve({ code, signal });
    });
  });
}

/**
 * Ends this process the way the child ended: its exit code, or 128 + signal number as a shell reports it.
 * @param {{ code: number | null, signal: NodeJS.Signals | null }} result
 * @returns {never}
 */
export function exitLike({ code, signal }) {
  process.exit(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
}
