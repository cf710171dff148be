/**
 * DOM → DOM latency in two real browsers: runs e2e/edit-latency.spec.ts and e2e/setlist-latency.spec.ts with
 * Playwright (`npx tsx bench/e2e-bench.ts`) and parses the figures they print. The e2e web server
 * (scripts/e2e-server.mjs) builds the app and serves it on a free port, against the checkout's running localbase or
 * one it starts on free ports, so the bench never stops or binds what a developer runs. Asserts nothing.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, runCli } from '../test/helpers/project.ts';
import { isMain } from './bench-stack.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SPECS = ['e2e/edit-latency.spec.ts', 'e2e/setlist-latency.spec.ts'];
/** Which spec printed a summary line: the setlist one counts moves, the song one edits. */
const specName = (line: string) => (/ moves/.test(line) ? 'setlist reorder' : 'song edit');

export interface E2eFigure {
  /** e.g. "song edit: DOM(A) → DOM(B) over 24 edits" */
  label: string;
  p50: number;
  p95: number;
  max?: number;
}

/**
 * Figures out of a spec's printed summary, "<label>: p50 X ms, p95 Y ms, max Z ms; <label>: ...".
 * Pure, so the unit test covers it.
 */
export function parseLatencyLine(line: string, prefix: string): E2eFigure[] {
  const figures: E2eFigure[] = [];
  for (const part of line.split('; ')) {
    const match = part.trim().match(/^(.+): p50 ([\d.]+) ms, p95 ([\d.]+) ms(?:, max ([\d.]+) ms)?/);
    if (match) figures.push({ label: `${prefix}: ${match[1]}`, p50: Number(match[2]), p95: Number(match[3]), ...(match[4] ? { max: Number(match[4]) } : {}) });
  }
  return figures;
}

function runSpecs(env: NodeJS.ProcessEnv, onLine: (line: string) => void): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/with-websocket.mjs', 'playwright', 'test', ...SPECS, '--project=chromium', '--workers=1'], { cwd: REPO_ROOT, env });
    let pending = '';
    const feed = (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      lines.forEach(onLine);
    };
    child.stdout.on('data', feed);
    child.stderr.on('data', feed);
    child.on('error', reject);
    child.on('close', (code) => {
      if (pending) onLine(pending);
      resolve(code);
    });
  });
}

export async function benchE2e({ log = (line: string) => console.log(line) } = {}): Promise<E2eFigure[]> {
  // A localbase the developer runs for this checkout is used as `npm run test:e2e` would (a second one on other
  // ports would share its data folder); otherwise the web server starts one on free ports and stops it after.
  const running = (await runCli(REPO_ROOT, ['status', '-o', 'json'])).code === 0;
  const stackPorts = running
    ? {}
    : { SUPABASE_API_PORT: String(await freePort()), SUPABASE_DB_PORT: String(await freePort()), SUPABASE_INBUCKET_PORT: String(await freePort()) };
  const env: NodeJS.ProcessEnv = { ...process.env, E2E_PORT: String(await freePort()), ...stackPorts };
  // The app must reach the stack the web server starts, not one named in this shell.
  delete env.NEXT_PUBLIC_SUPABASE_URL;
  log(`  ${SPECS.join(', ')}, one at a time; the web server builds the app and starts a stack first (minutes on 2 cores)…`);
  const figures: E2eFigure[] = [];
  const code = await runSpecs(env, (line) => {
    if (/p50 [\d.]+ ms/.test(line)) figures.push(...parseLatencyLine(line, specName(line)));
    if (/✓|✘|passed|failed/.test(line)) log(`  ${line.trim()}`);
  });
  if (code !== 0 || figures.length === 0) throw new Error(`playwright exited ${code} with ${figures.length} figures`);
  return figures;
}

if (isMain(import.meta.url)) {
  for (const f of await benchE2e()) console.log(`${f.label}: p50 ${f.p50} ms, p95 ${f.p95} ms${f.max === undefined ? '' : `, max ${f.max} ms`}`);
}
