/**
 * Sign-in latency through the gateway with the unmodified supabase-js client: `npx tsx bench/auth-bench.ts [count]`.
 * Starts its own throwaway stack, prints p50/p95/max, asserts nothing. bcrypt (cost 10, as GoTrue) dominates.
 */
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { createProject } from '../test/helpers/project.ts';

const COUNT = Number(process.argv[2] ?? 200);
const PASSWORD = 'bench-password-1';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const project = await createProject();
  try {
    const started = await project.cli('start');
    if (started.code !== 0) throw new Error(`localbase start failed:\n${started.stdout}\n${started.stderr}`);
    const vars = JSON.parse((await project.cli('status', '-o', 'json')).stdout) as Record<string, string>;
    const transport = typeof globalThis.WebSocket === 'undefined' ? (WebSocket as unknown as typeof globalThis.WebSocket) : undefined;
    const sb = createClient(vars.API_URL!, vars.PUBLISHABLE_KEY!, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: transport ? { transport } : {},
    });
    const email = `bench-${Date.now()}@example.com`;
    const signedUp = await sb.auth.signUp({ email, password: PASSWORD });
    if (signedUp.error) throw signedUp.error;

    for (let i = 0; i < 5; i++) await sb.auth.signInWithPassword({ email, password: PASSWORD }); // warm-up
    const timings: number[] = [];
    for (let i = 0; i < COUNT; i++) {
      const start = performance.now();
      const { error } = await sb.auth.signInWithPassword({ email, password: PASSWORD });
      timings.push(performance.now() - start);
      if (error) throw error;
    }
    timings.sort((a, b) => a - b);
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    console.log(`sign-in x${COUNT}: p50 ${fmt(percentile(timings, 50))}  p95 ${fmt(percentile(timings, 95))}  max ${fmt(timings.at(-1)!)}`);

    const session = (await sb.auth.signInWithPassword({ email, password: PASSWORD })).data.session!;
    const refresh: number[] = [];
    let token = session.refresh_token;
    for (let i = 0; i < COUNT; i++) {
      const start = performance.now();
      const { data, error } = await sb.auth.refreshSession({ refresh_token: token });
      refresh.push(performance.now() - start);
      if (error || !data.session) throw error ?? new Error('no session');
      token = data.session.refresh_token;
    }
    refresh.sort((a, b) => a - b);
    console.log(`refresh x${COUNT}: p50 ${fmt(percentile(refresh, 50))}  p95 ${fmt(percentile(refresh, 95))}  max ${fmt(refresh.at(-1)!)}`);
  } finally {
    await project.dispose();
  }
}

await main();
