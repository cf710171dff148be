/** What every benchmark shares: a throwaway stack, the unmodified supabase-js client on it, and the figures. */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { createProject, type TestProject } from '../test/helpers/project.ts';

export const BENCH_PASSWORD = 'bench-password-1';

export interface BenchStack {
  project: TestProject;
  /** `localbase status -o json`: API_URL, DB_URL, PUBLISHABLE_KEY, SECRET_KEY, ... */
  vars: Record<string, string>;
  /** A supabase-js client with the publishable key unless told otherwise; sessions stay in memory. */
  client(key?: string): SupabaseClient;
  /** Signs a fresh user up through Auth on `client` and returns the e-mail. */
  signUp(client: SupabaseClient): Promise<string>;
}

/** Starts localbase in a throwaway project on free ports; `project.dispose()` stops it and deletes the folder. */
export async function startBenchStack(): Promise<BenchStack> {
  const project = await createProject();
  const started = await project.cli('start');
  if (started.code !== 0) {
    await project.dispose();
    throw new Error(`localbase start failed:\n${started.stdout}\n${started.stderr}`);
  }
  const vars = JSON.parse((await project.cli('status', '-o', 'json')).stdout) as Record<string, string>;
  // Node 20 has no global WebSocket and supabase-js 2.119 needs one (README, "Node 20 and WebSocket").
  const transport = typeof globalThis.WebSocket === 'undefined' ? (WebSocket as unknown as typeof globalThis.WebSocket) : undefined;
  return {
    project,
    vars,
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

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
