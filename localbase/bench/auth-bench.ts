/**
 * Sign-in (password grant) and refresh latency through the gateway with the unmodified supabase-js client:
 * `npx tsx bench/auth-bench.ts [count]`. Starts its own throwaway stack (rate limits raised in its config.toml,
 * test/helpers/project.ts), prints p50/p95/max, asserts nothing. bcrypt (cost 10, as GoTrue) dominates sign-in.
 */
import { BENCH_PASSWORD as PASSWORD, describeLatency, isMain, latencyOf, numberArg, withBenchStack, type Latency } from './bench-stack.ts';

export interface AuthResult {
  signIn: Latency;
  refresh: Latency;
}

export function benchAuth({ count = 200 } = {}): Promise<AuthResult> {
  return withBenchStack(async ({ client, signUp }) => {
    const sb = client();
    const email = await signUp(sb);

    for (let i = 0; i < 5; i++) await sb.auth.signInWithPassword({ email, password: PASSWORD }); // warm-up
    const signIns: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      const { error } = await sb.auth.signInWithPassword({ email, password: PASSWORD });
      signIns.push(performance.now() - start);
      if (error) throw error;
    }

    const session = (await sb.auth.signInWithPassword({ email, password: PASSWORD })).data.session!;
    const refreshes: number[] = [];
    let token = session.refresh_token;
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      const { data, error } = await sb.auth.refreshSession({ refresh_token: token });
      refreshes.push(performance.now() - start);
      if (error || !data.session) throw error ?? new Error('no session');
      token = data.session.refresh_token;
    }
    return { signIn: latencyOf(signIns), refresh: latencyOf(refreshes) };
  });
}

if (isMain(import.meta.url)) {
  const count = numberArg(0, 200);
  const result = await benchAuth({ count });
  console.log(`sign-in x${count}: ${describeLatency(result.signIn)}`);
  console.log(`refresh x${count}: ${describeLatency(result.refresh)}`);
}
