/**
 * Sign-in latency through the gateway with the unmodified supabase-js client: `npx tsx bench/auth-bench.ts [count]`.
 * Starts its own throwaway stack, prints p50/p95/max, asserts nothing. bcrypt (cost 10, as GoTrue) dominates.
 */
import { BENCH_PASSWORD as PASSWORD, fmt, percentile, startBenchStack } from './bench-stack.ts';

const COUNT = Number(process.argv[2] ?? 200);

async function main(): Promise<void> {
  const { project, client, signUp } = await startBenchStack();
  try {
    const sb = client();
    const email = await signUp(sb);

    for (let i = 0; i < 5; i++) await sb.auth.signInWithPassword({ email, password: PASSWORD }); // warm-up
    const timings: number[] = [];
    for (let i = 0; i < COUNT; i++) {
      const start = performance.now();
      const { error } = await sb.auth.signInWithPassword({ email, password: PASSWORD });
      timings.push(performance.now() - start);
      if (error) throw error;
    }
    timings.sort((a, b) => a - b);
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
