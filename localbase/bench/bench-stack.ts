/** What every benchmark shares: a throwaway stack, the unmodified supabase-js client on it, and the figures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { createProject, type TestProject } from '../test/helpers/project.ts';

export const BENCH_PASSWORD = 'bench-password-1';

export interface BenchStack {
  project: TestProject;
  /** `localbase status -o json`: API_URL, DB_URL, PUBLISHABLE_KEY, SECRET_KEY, ... */
  vars: Record<string, string>;
  /** The daemon (gateway, Auth, REST, Realtime in one Node process) and the postmaster. */
  daemonPid: number;
  postmasterPid: number;
  /** `select version()` of the stack's PostgreSQL. */
  postgresVersion: string;
  /** A supabase-js client with the publishable key unless told otherwise; sessions stay in memory. */
  client(key?: string): SupabaseClient;
  /** Signs a fresh user up through Auth on `client` and returns the e-mail. */
  signUp(client: SupabaseClient): Promise<string>;
}

/** The PostgreSQL version of the last stack a benchmark started, for the machine section of BENCHMARKS.md. */
let lastPostgresVersion = '';
export const postgresVersionSeen = () => lastPostgresVersion;

/** Starts localbase in a throwaway project on free ports; `project.dispose()` stops it and deletes the folder. */
export async function startBenchStack(): Promise<BenchStack> {
  // The load benches open 500 sockets of distinct users at once: they measure the server, not the per-project
  // Realtime limits (200 connected users, 100 joins/s by default; docs/limits.md), so the bench stack lifts them.
  process.env.LOCALBASE_REALTIME_MAX_CONCURRENT_USERS ??= '100000';
  process.env.LOCALBASE_REALTIME_MAX_JOINS_PER_SECOND ??= '100000';
  process.env.LOCALBASE_REALTIME_MAX_EVENTS_PER_SECOND ??= '1000000';
  const project = await createProject();
  const started = await project.cli('start');
  if (started.code !== 0) {
    await project.dispose();
    throw new Error(`localbase start failed:\n${started.stdout}\n${started.stderr}`);
  }
  const vars = JSON.parse((await project.cli('status', '-o', 'json')).stdout) as Record<string, string>;
  const [row] = await project.query<{ version: string }>('select version()');
  lastPostgresVersion = row!.version.split(' on ')[0]!;
  // Node 20 has no global WebSocket and supabase-js 2.119 needs one (README, "Node 20 and WebSocket").
  const transport = typeof globalThis.WebSocket === 'undefined' ? (WebSocket as unknown as typeof globalThis.WebSocket) : undefined;
  return {
    project,
    vars,
    daemonPid: Number(readFileSync(join(project.root, '.localbase', 'localbase.pid'), 'utf8').trim()),
    postmasterPid: Number(readFileSync(join(project.root, '.localbase', 'db', 'postmaster.pid'), 'utf8').split('\n')[0]),
    postgresVersion: lastPostgresVersion,
    client: (key = vars.PUBLISHABLE_KEY!) =>
      createClient(vars.API_URL!, key, { auth: { persistSession: false, autoRefreshToken: false }, realtime: transport ? { transport } : {} }),
    async signUp(client) {
      const email = `bench-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
      const { error } = await client.auth.signUp({ email, password: BENCH_PASSWORD });
      if (error) throw error;
      return email;
    },
  };
}

/** Runs `body` on a fresh stack and always disposes of it. */
export async function withBenchStack<T>(body: (stack: BenchStack) => Promise<T>): Promise<T> {
  const stack = await startBenchStack();
  try {
    return await body(stack);
  } finally {
    await stack.project.dispose();
  }
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** Latency figures in ms over `count` samples. */
export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latencyOf(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
export const describeLatency = (l: Latency) => `p50 ${fmt(l.p50)}  p95 ${fmt(l.p95)}  p99 ${fmt(l.p99)}  max ${fmt(l.max)}`;

/** True when `moduleUrl` is the script `npx tsx bench/<x>.ts` runs, so each bench also works on its own. */
export const isMain = (moduleUrl: string) => process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;

/** A numeric command-line argument (`npx tsx bench/x.ts 10 16`), or `fallback`. */
export const numberArg = (index: number, fallback: number) => (process.argv[index + 2] === undefined ? fallback : Number(process.argv[index + 2]));
