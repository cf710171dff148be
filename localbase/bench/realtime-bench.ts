/**
 * Realtime latency and fan-out with the unmodified supabase-js client: `npx tsx bench/realtime-bench.ts [seconds]`.
 * Starts its own throwaway stack per part, prints figures, asserts nothing. BENCH_RATES (writes/s, comma-separated)
 * overrides the fan-out rates.
 *   1. insert → postgres_changes event at one subscriber, p50/p95/p99 over sequential inserts (REST with the
 *      secret key when it accepts them, else pg);
 *   2. 100 subscribers in 10 RLS groups (so each write reaches 10 of them), 200 / 500 / 1,000 writes/s with pg
 *      (so only Realtime is measured) = 2k / 5k / 10k events/s: delivered vs expected, latency, daemon CPU and RSS.
 */
import pg from 'pg';
import { describeLatency, isMain, latencyOf, numberArg, withBenchStack, type Latency } from './bench-stack.ts';
import { describeLoadPoint, withGroupLoad, type LoadPoint } from './load-point.ts';
import { describeResources } from './proc-stats.ts';
import { closeClients, now, subscribeLive, until } from './realtime-helpers.ts';

export interface RealtimeLatencyResult {
  /** How the inserts were written: through REST (supabase-js with the secret key) or pg. */
  writer: 'REST' | 'pg';
  latency: Latency;
}

export function benchRealtimeLatency({ events = 500 } = {}): Promise<RealtimeLatencyResult> {
  return withBenchStack(async ({ project, vars, client }) => {
    await project.query(`
      create table public.bench_items (id bigint primary key, sent_at double precision not null, body text);
      alter publication supabase_realtime add table public.bench_items;
      notify pgrst, 'reload schema';`);
    const db = new pg.Pool({ connectionString: vars.DB_URL, max: 2 });
    const subscriber = client();
    const svc = client(vars.SECRET_KEY!);
    try {
      await new Promise((resolve) => setTimeout(resolve, 500)); // the schema cache reloads after the NOTIFY
      const viaRest = !(await svc.from('bench_items').insert({ id: -1, sent_at: 0, body: 'probe' })).error;
      const insert = async (row: { id: number; sent_at: number; body: string }) => {
        if (!viaRest) return void (await db.query('insert into public.bench_items (id, sent_at, body) values ($1, $2, $3)', [row.id, row.sent_at, row.body]));
        const { error } = await svc.from('bench_items').insert(row);
        if (error) throw error;
      };
      const arrivals = new Map<number, number>();
      const channel = subscriber.channel('bench-latency').on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'bench_items' }, (p) => {
        arrivals.set(Number((p.new as { id: number }).id), now());
      });
      await subscribeLive(channel);
      const latencies: number[] = [];
      for (let i = 0; i < events + 20; i++) {
        const sent = now();
        await insert({ id: i, sent_at: sent, body: `row ${i}` });
        await until(() => arrivals.has(i), 10_000);
        if (i >= 20) latencies.push(arrivals.get(i)! - sent); // the first 20 warm caches
      }
      return { writer: viaRest ? 'REST' : 'pg', latency: latencyOf(latencies) };
    } finally {
      await closeClients([subscriber, svc]);
      await db.end();
    }
  });
}

export interface FanoutResult {
  subscribers: number;
  groups: number;
  points: LoadPoint[];
}

export function benchFanout({ writesPerSecond = [200, 500, 1000], seconds = 15, subscribers = 100, groups = 10 } = {}): Promise<FanoutResult> {
  const groupOfSubscriber = Array.from({ length: subscribers }, (_, s) => s % groups);
  return withGroupLoad('bench_group_items', groupOfSubscriber, 10, async ({ measure }) => {
    const points: LoadPoint[] = [];
    let firstId = 0;
    for (const rate of writesPerSecond) {
      const groupOf = (i: number) => i % groups;
      points.push(await measure({ subscribersPerWrite: subscribers / groups, writesPerSecond: rate, seconds, firstId, groupOf, drainMs: 15_000 }));
      firstId += Math.round(rate * seconds);
    }
    return { subscribers, groups, points };
  });
}

if (isMain(import.meta.url)) {
  const latency = await benchRealtimeLatency();
  console.log(`insert → event, 1 subscriber, writes via ${latency.writer}: ${describeLatency(latency.latency)}`);
  const rates = process.env.BENCH_RATES?.split(',').map(Number);
  const fanout = await benchFanout({ seconds: numberArg(0, 15), ...(rates ? { writesPerSecond: rates } : {}) });
  for (const point of fanout.points) console.log(`${describeLoadPoint(point)}\n  ${describeResources(point.resources)}`);
}
