// @ts-check
// Where the app's Supabase settings come from, shared by `npm run dev` (scripts/dev.mjs), the e2e web server
// (scripts/e2e-server.mjs) and the e2e specs.
//
// Order, first match wins: the process environment, then the .env files Next itself reads for the mode, then
// localbase. Only the last case touches localbase: `localbase status -o json` (exit 0 = running, prints API_URL,
// PUBLISHABLE_KEY, SECRET_KEY, …); when it fails, `localbase start` (prints its own progress) and status again.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { ROOT, resolveBin } from './run-bin.mjs';

const URL_VAR = 'NEXT_PUBLIC_SUPABASE_URL';

/** Marker written by the e2e web server when it had to start localbase; the e2e global teardown stops it. */
export const E2E_STARTED_LOCALBASE = path.join(ROOT, 'node_modules', '.cache', 'rock-on', 'e2e-started-localbase');

/** The .env files Next loads, highest precedence first (@next/env loadEnvConfig). */
const ENV_FILES = {
  development: ['.env.development.local', '.env.local', '.env.development', '.env'],
  production: ['.env.production.local', '.env.local', '.env.production', '.env'],
};

/**
 * @typedef {object} SupabaseEnv
 * @property {string} source   human-readable origin, e.g. ".env.local" or "localbase (npx localbase status)"
 * @property {string} url      the NEXT_PUBLIC_SUPABASE_URL the app will see
 * @property {Record<string, string>} env  variables to add to the app's environment (empty when Next reads them itself)
 * @property {boolean} [started] true when this call started localbase (so the caller may stop it when done)
 */

/**
 * @param {{ mode: 'development' | 'production', start?: boolean }} options
 *   start: false only checks a running localbase (for specs; the web server already started it)
 * @returns {Promise<SupabaseEnv>}
 */
export async function resolveSupabaseEnv({ mode, start = true }) {
  const fromProcess = process.env[URL_VAR];
  if (fromProcess) return { source: 'the environment', url: fromProcess, env: {} };

  for (const file of ENV_FILES[mode]) {
    const full = path.join(ROOT, file);
    if (!existsSync(full)) continue;
    const url = parseEnv(readFileSync(full, 'utf8'))[URL_VAR];
    if (url) return { source: file, url, env: {} };
  }

  let status = await localbase(['status', '-o', 'json']);
  const started = status.code !== 0;
  if (started) {
    if (!start) throw new Error(`localbase is not running and ${URL_VAR} is not set.\n${status.stderr.trim()}`);
    const launch = await localbase(['start'], { inherit: true });
    if (launch.code !== 0) throw new Error(`\`npx localbase start\` failed (exit ${launch.code}).`);
    status = await localbase(['status', '-o', 'json']);
    if (status.code !== 0) throw new Error(`localbase started but \`npx localbase status\` fails:\n${status.stderr.trim()}`);
  }
  return { source: 'localbase (npx localbase status)', started, ...fromLocalbaseStatus(status.stdout) };
}

/**
 * Maps `localbase status -o json` output to the app's variables.
 * @param {string} stdout
 * @returns {{ url: string, env: Record<string, string> }}
 */
export function fromLocalbaseStatus(stdout) {
  /** @type {Record<string, unknown>} */
  const status = JSON.parse(stdout);
  /** @param {string} key */
  const required = (key) => {
    const value = status[key];
    if (typeof value !== 'string' || value === '') throw new Error(`\`localbase status -o json\` printed no ${key}.`);
    return value;
  };
  const url = required('API_URL');
  return {
    url,
    env: {
      NEXT_PUBLIC_SUPABASE_URL: url,
      NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: required('PUBLISHABLE_KEY'),
      SUPABASE_SECRET_KEY: required('SECRET_KEY'),
    },
  };
}

/**
 * @param {string[]} args
 * @param {{ inherit?: boolean }} [options]
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
export function localbase(args, { inherit = false } = {}) {
  const { command, args: leading } = resolveBin('localbase');
  const child = spawn(command, [...leading, ...args], { cwd: ROOT, stdio: inherit ? 'inherit' : 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
